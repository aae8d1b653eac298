/**
 * Adds to a workbook package what officers' workbooks hold beside their tables and ExcelJS does not keep: defined
 * names (a constant that a formula uses, a range, a sheet's print titles), an external link that a formula points at,
 * workbook structure protection and a password to modify, iterative calculation, and on an extra sheet a chart and a
 * pivot table. The parts are small but complete enough for LibreOffice to open.
 */
import JSZip from "jszip";
import { addSheet, MAIN_NS, rowXml, sheetXml, text } from "./xlsxPackage";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = (t: string) => `application/vnd.openxmlformats-officedocument.${t}`;

export const EXTRA_SHEET = "附表";
export const EXTERNAL_TARGET = "file:///D:/预算/2024年决算.xlsx";

const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${items}</Relationships>`;
const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;

export const EXTRA_PARTS = {
  externalLink: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><externalBook r:id="rId1"><sheetNames><sheetName val="决算"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  drawing: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  chart: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${EXTRA_SHEET}'!$A$1:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'${EXTRA_SHEET}'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  pivotCache: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" r:id="rId1" refreshOnLoad="1" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="${EXTRA_SHEET}"/></cacheSource><cacheFields count="2"><cacheField name="项目" numFmtId="0"><sharedItems/></cacheField><cacheField name="金额" numFmtId="0"><sharedItems containsNumber="1" minValue="1" maxValue="3"/></cacheField></cacheFields></pivotCacheDefinition>`,
  pivotRecords: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN_NS}" count="0"/>`,
  pivotTable: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN_NS}" name="数据透视表1" cacheId="7" dataCaption="值"><location ref="D20:E21" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="2"><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields><dataFields count="1"><dataField name="求和项:金额" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
};

async function addContentTypes(zip: JSZip, overrides: Record<string, string>): Promise<void> {
  const types = await text(zip, "[Content_Types].xml");
  const added = Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join("");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${added}</Types>`));
}

async function addWorkbookRels(zip: JSZip, items: string): Promise<void> {
  const part = "xl/_rels/workbook.xml.rels";
  zip.file(part, (await text(zip, part)).replace("</Relationships>", `${items}</Relationships>`));
}

/** The workbook with all the extras added; its own sheets and values are unchanged. */
export async function withWorkbookExtras(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const extraRows = [rowXml(1, ["办公费", 1]), rowXml(2, ["差旅费", 2]), rowXml(3, ["会议费", 3]), rowXml(4, [{ xml: '<c r="{ref}"><f>税率*100</f><v>5</v></c>' }, { xml: '<c r="{ref}"><f>[1]决算!$A$1</f><v>7</v></c>' }])].join("");
  await addSheet(zip, EXTRA_SHEET, sheetXml(extraRows, '<drawing r:id="rId1"/>'), "xl/worksheets/extra.xml");
  zip.file("xl/worksheets/_rels/extra.xml.rels", rels(rel("rId1", "drawing", "../drawings/drawing1.xml") + rel("rId2", "pivotTable", "../pivotTables/pivotTable1.xml")));
  zip.file("xl/drawings/drawing1.xml", EXTRA_PARTS.drawing);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", rels(rel("rId1", "chart", "../charts/chart1.xml")));
  zip.file("xl/charts/chart1.xml", EXTRA_PARTS.chart);
  zip.file("xl/pivotTables/pivotTable1.xml", EXTRA_PARTS.pivotTable);
  zip.file("xl/pivotTables/_rels/pivotTable1.xml.rels", rels(rel("rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")));
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", EXTRA_PARTS.pivotCache);
  zip.file("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels(rel("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")));
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", EXTRA_PARTS.pivotRecords);
  zip.file("xl/externalLinks/externalLink1.xml", EXTRA_PARTS.externalLink);
  zip.file("xl/externalLinks/_rels/externalLink1.xml.rels", rels(rel("rId1", "externalLinkPath", encodeURI(EXTERNAL_TARGET), true)));
  await addContentTypes(zip, {
    "xl/drawings/drawing1.xml": TYPE("drawing+xml"),
    "xl/charts/chart1.xml": TYPE("drawingml.chart+xml"),
    "xl/pivotTables/pivotTable1.xml": TYPE("spreadsheetml.pivotTable+xml"),
    "xl/pivotCache/pivotCacheDefinition1.xml": TYPE("spreadsheetml.pivotCacheDefinition+xml"),
    "xl/pivotCache/pivotCacheRecords1.xml": TYPE("spreadsheetml.pivotCacheRecords+xml"),
    "xl/externalLinks/externalLink1.xml": TYPE("spreadsheetml.externalLink+xml"),
  });
  await addWorkbookRels(zip, rel("rIdX1", "externalLink", "externalLinks/externalLink1.xml") + rel("rIdX2", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"));

  let book = await text(zip, "xl/workbook.xml");
  const scoring = [...book.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].findIndex((m) => m[1].includes("评分"));
  const names =
    '<definedName name="税率">0.05</definedName>' +
    `<definedName name="附表金额">'${EXTRA_SHEET}'!$B$1:$B$3</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="${scoring}">'评分表'!$1:$3</definedName>` +
    '<definedName name="隐藏名称" hidden="1">"内部"</definedName>';
  book = book.replace(/<definedNames>([\s\S]*?)<\/definedNames>/, "").replace(/<bookViews>|<sheets>/, (m) => `<workbookProtection lockStructure="1" workbookPassword="CC3D"/>${m}`);
  book = book.replace(/<workbookPr\b/, '<fileSharing readOnlyRecommended="1" userName="财务科"/>$&');
  book = book.replace("</sheets>", `</sheets><externalReferences><externalReference r:id="rIdX1"/></externalReferences><definedNames>${names}</definedNames>`);
  // The seed ends with calcPr: the pivot caches follow it.
  book = book.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="191029" iterate="1" iterateCount="50"/><pivotCaches><pivotCache cacheId="7" r:id="rIdX2"/></pivotCaches>');
  zip.file("xl/workbook.xml", book);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
