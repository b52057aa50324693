/**
 * Documented examples of Excel's Web functions, and why the Cube, Web, User defined and AI
 * functions Tickmark does not implement cannot be: each needs a live connection (an OLAP
 * server, the network, a DLL, a cloud model) that a rules engine running offline on one
 * machine does not have, and answering without one would be a guess.
 */
import type { DocumentedExample } from './example.js';
import { page } from './page.js';

/** The shape of the page's example: the XML of Wikipedia's recent-changes API, two changes. */
const RECENT_CHANGES =
  '<api><query><recentchanges><rc title="Gold" timestamp="2013-01-24T15:21:38Z"/><rc title="Region1" timestamp="2013-01-24T15:21:35Z"/></recentchanges></query></api>';

export const examples: DocumentedExample[] = [
  {
    fn: 'ENCODEURL',
    source: 'https://support.microsoft.com/zh-cn/excel/encodeurl-function',
    formula: '=ENCODEURL("http://contoso.sharepoint.com/Finance/Profit and Loss Statement.xlsx")',
    expected: 'http%3A%2F%2Fcontoso.sharepoint.com%2FFinance%2FProfit%20and%20Loss%20Statement.xlsx',
    note: 'verified against the page https://support.microsoft.com/zh-cn/excel/encodeurl-function',
  },
  {
    fn: 'FILTERXML',
    source: page('FILTERXML'),
    data: { A1: 'XML', A2: RECENT_CHANGES },
    formula: '=FILTERXML(A2,"//rc/@title")',
    cell: 'B2',
    expected: [['Gold'], ['Region1']],
    note: "The page's XML comes from WEBSERVICE (live Wikipedia); this is XML of the same shape, and the page's XPath.",
  },
  {
    fn: 'FILTERXML',
    source: page('FILTERXML'),
    data: { A1: 'XML', A2: RECENT_CHANGES },
    formula: '=FILTERXML(A2,"//rc/@timestamp")',
    cell: 'C2',
    expected: [['2013-01-24T15:21:38Z'], ['2013-01-24T15:21:35Z']],
    note: "The page's second XPath over the same XML.",
  },
  // EUROCONVERT: the page's rates (DEM 1.95583, FRF 6.55957 per euro) and rounding table; the
  // results are worked by hand from them: 1.20/1.95583 = 0.6135…, rounded to EUR's 2 places;
  // 1/6.55957 = 0.152449… → 0.152 (3 significant digits) × 1.95583 = 0.29728616.
  { fn: 'EUROCONVERT', source: page('EUROCONVERT'), formula: '=EUROCONVERT(1.20,"DEM","EUR")', expected: 0.61 },
  { fn: 'EUROCONVERT', source: page('EUROCONVERT'), formula: '=EUROCONVERT(1,"FRF","DEM",TRUE,3)', expected: 0.29728616 },
  { fn: 'EUROCONVERT', source: page('EUROCONVERT'), formula: '=EUROCONVERT(1,"FRF","DEM",FALSE,3)', expected: 0.3 },
];

const CUBE = 'needs a connection to an OLAP cube (a Data Model or Analysis Services server); Tickmark has no such data source';

export const notImplemented: Record<string, string> = {
  CUBEKPIMEMBER: CUBE,
  CUBEMEMBER: CUBE,
  CUBEMEMBERPROPERTY: CUBE,
  CUBERANKEDMEMBER: CUBE,
  CUBESET: CUBE,
  CUBESETCOUNT: CUBE,
  CUBEVALUE: CUBE,
  WEBSERVICE: 'fetches a URL while calculating; Tickmark rules run offline and must give the same result on every run',
  CALL: 'calls a procedure in a Windows DLL or code resource; a rules engine cannot load native code from a workbook',
  'REGISTER.ID': 'registers a Windows DLL procedure for CALL; no native code is loaded',
  COPILOT: "sends the prompt to Microsoft's cloud AI model; Tickmark runs offline and its results must be reproducible",
  PY: "runs Python in Microsoft's cloud; Tickmark runs offline",
};
