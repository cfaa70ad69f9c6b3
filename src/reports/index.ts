// Reports: the KPI definitions (kpis.ts), the report over the database (report.ts),
// its CSV form (csv.ts) and server-side SVG charts for pages to embed (charts.ts).
export { barChart, lineChart, percent, type ChartPoint, type ChartSpec } from './charts.ts';
export { kpiCsv, KPI_CSV_COLUMNS } from './csv.ts';
export * from './kpis.ts';
export { kpiReport, type KpiFilter, type KpiReport } from './report.ts';
