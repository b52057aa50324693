/**
 * Excel tells a dynamic array formula (Excel 365: it spills as far as its result reaches)
 * from a legacy one (Ctrl+Shift+Enter: fixed to its range) by a `cm` attribute on the cell,
 * pointing at a "dynamic array" entry in xl/metadata.xml. SheetJS reads neither, so the
 * importer looks for the attribute in the sheet XML, and the exporter adds it and the
 * metadata part for the formulas Tickmark writes as dynamic.
 */
import * as XLSX from '@e965/xlsx';
import { editPart, type Zip } from './package-parts.js';

/** A cell's opening tag in sheet XML, and the address in it. */
const CELL_TAG = /<c\s[^>]*>/g;
const CELL_ADDRESS = /\sr="([A-Z]+\d+)"/;
const DYNAMIC_MARK = /\scm="/;

/** The cells of a sheet's XML that hold a dynamic array formula. */
export function dynamicArrayCells(sheetXml: string | null): Set<string> {
  const cells = new Set<string>();
  for (const [tag] of sheetXml?.matchAll(CELL_TAG) ?? []) {
    const at = DYNAMIC_MARK.test(tag) ? CELL_ADDRESS.exec(tag) : null;
    if (at) cells.add(at[1]);
  }
  return cells;
}

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** Marks the given cells of each sheet (by sheet index) as dynamic array formulas, adding xl/metadata.xml. */
export function markDynamicArrays(zip: Zip, cellsBySheet: Map<number, Set<string>>): void {
  if (![...cellsBySheet.values()].some((cells) => cells.size)) return;
  for (const [index, cells] of cellsBySheet)
    editPart(zip, `/xl/worksheets/sheet${index + 1}.xml`, (xml) =>
      xml.replace(CELL_TAG, (tag) => {
        const at = CELL_ADDRESS.exec(tag)?.[1];
        return at && cells.has(at) && !DYNAMIC_MARK.test(tag) ? tag.replace(/^<c/, '<c cm="1"') : tag;
      }),
    );
  XLSX.CFB.utils.cfb_add(zip, '/xl/metadata.xml', Buffer.from(METADATA, 'utf8'));
  // Each addition once: the part it registers must not be declared twice.
  const insert = (path: string, closing: string, declaration: string, marker: string) =>
    editPart(zip, path, (xml) => (xml.includes(marker) ? xml : xml.replace(closing, `${declaration}${closing}`)));
  insert(
    '/[Content_Types].xml',
    '</Types>',
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    '/xl/metadata.xml',
  );
  insert(
    '/xl/_rels/workbook.xml.rels',
    '</Relationships>',
    '<Relationship Id="rIdTickmarkMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/>',
    'sheetMetadata',
  );
}
