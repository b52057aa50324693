/**
 * Excel tells a dynamic array formula (Excel 365: it spills as far as its result reaches)
 * from a legacy one (Ctrl+Shift+Enter: fixed to its range) by a `cm` attribute on the cell,
 * pointing at a "dynamic array" entry in xl/metadata.xml. SheetJS reads neither, so the
 * importer looks for the attribute in the sheet XML, and the exporter adds it and the
 * metadata part for the formulas Tickmark writes as dynamic.
 */
import * as XLSX from '@e965/xlsx';

/** SheetJS's zip container and entries (its CFB library is untyped). */
type Zip = { FileIndex: unknown[] };
type Entry = { content?: Uint8Array | Buffer } | null;

/** The cells of each sheet (by its part path, e.g. /xl/worksheets/sheet1.xml) that hold a dynamic array formula. */
export function dynamicArrayCells(data: Uint8Array, sheetPaths: string[]): Set<string>[] {
  let zip: Zip;
  try {
    zip = XLSX.CFB.read(data, { type: 'array' });
  } catch {
    return sheetPaths.map(() => new Set());
  }
  return sheetPaths.map((path) => {
    const entry = XLSX.CFB.find(zip, path);
    const cells = new Set<string>();
    if (!entry?.content) return cells;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    for (const match of xml.matchAll(/<c\s[^>]*>/g)) {
      const tag = match[0];
      if (!/\scm="/.test(tag)) continue;
      const at = /\sr="([A-Z]+\d+)"/.exec(tag);
      if (at) cells.add(at[1]);
    }
    return cells;
  });
}

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

const text = (entry: Entry) => (entry?.content ? Buffer.from(entry.content as Uint8Array).toString('utf8') : null);

/** Marks the given cells of each sheet (by sheet index) as dynamic array formulas, adding xl/metadata.xml. */
export function markDynamicArrays(zip: Zip, cellsBySheet: Map<number, Set<string>>): void {
  if (![...cellsBySheet.values()].some((cells) => cells.size)) return;
  for (const [index, cells] of cellsBySheet) {
    const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${index + 1}.xml`);
    const xml = text(entry);
    if (!entry || xml === null) continue;
    entry.content = Buffer.from(
      xml.replace(/<c\s[^>]*>/g, (tag) => {
        const at = /\sr="([A-Z]+\d+)"/.exec(tag)?.[1];
        return at && cells.has(at) && !/\scm="/.test(tag) ? tag.replace(/^<c/, '<c cm="1"') : tag;
      }),
      'utf8',
    );
  }
  XLSX.CFB.utils.cfb_add(zip, '/xl/metadata.xml', Buffer.from(METADATA, 'utf8'));
  const types = XLSX.CFB.find(zip, '/[Content_Types].xml');
  const typesXml = text(types);
  if (types && typesXml !== null && !typesXml.includes('/xl/metadata.xml'))
    types.content = Buffer.from(
      typesXml.replace(
        '</Types>',
        '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>',
      ),
      'utf8',
    );
  const rels = XLSX.CFB.find(zip, '/xl/_rels/workbook.xml.rels');
  const relsXml = text(rels);
  if (rels && relsXml !== null && !relsXml.includes('sheetMetadata'))
    rels.content = Buffer.from(
      relsXml.replace(
        '</Relationships>',
        '<Relationship Id="rIdTickmarkMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>',
      ),
      'utf8',
    );
}
