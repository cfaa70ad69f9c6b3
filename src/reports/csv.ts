import { stringify } from 'csv-stringify/sync';
import type { KpiReport } from './report.ts';

// The KPI report as one long CSV table, a row per figure, so every KPI fits the same
// columns and a spreadsheet can pivot it: kpi, dimension (what it is broken down by),
// key (the id or value of that dimension), name, measure, value (empty when there is no figure).

export const KPI_CSV_COLUMNS = ['kpi', 'dimension', 'key', 'name', 'measure', 'value'] as const;
type CsvRow = Record<(typeof KPI_CSV_COLUMNS)[number], string | number | null>;

export function kpiCsvRows(report: KpiReport): CsvRow[] {
  const rows: CsvRow[] = [];
  const add = (kpi: string, dimension: string, key: string, name: string, measures: Record<string, number | null>) => {
    for (const [measure, value] of Object.entries(measures)) rows.push({ kpi, dimension, key, name, measure, value });
  };
  for (const s of report.speedToAppointment) {
    add('speed_to_appointment', 'service', s.serviceId, s.serviceName, { appointments: s.appointments, median_minutes: s.medianMinutes, p90_minutes: s.p90Minutes });
  }
  for (const [kpi, stats] of [['no_show_rate', report.noShowRate], ['late_cancel_rate', report.lateCancelRate]] as const) {
    for (const s of stats) add(kpi, s.dimension, s.key, s.key, { count: s.count, of: s.of, rate: s.rate });
  }
  for (const [dimension, stats] of [['resource', report.utilization.byResource], ['location', report.utilization.byLocation]] as const) {
    for (const s of stats) add('utilization', dimension, s.id, s.name, { booked_hours: s.bookedHours, available_hours: s.availableHours, rate: s.rate });
  }
  const e = report.exceptionRate;
  add('exception_rate', 'all', '', '', { appointments: e.appointments, with_exception: e.withException, rate: e.rate });
  const a = report.adminTime;
  add('admin_time', 'all', '', '', { appointments: a.appointments, human_touches: a.humanTouches, per_appointment: a.perAppointment });
  return rows;
}

export function kpiCsv(report: KpiReport): string {
  return stringify(kpiCsvRows(report), { header: true, columns: [...KPI_CSV_COLUMNS], cast: { number: (n) => String(n) } });
}
