-- Reports (src/reports): cancelling less than this many minutes before the start
-- counts as a late cancel in the KPIs, whatever each service's own cancellation window says.
ALTER TABLE "business" ADD COLUMN "late_cancel_window_minutes" INTEGER NOT NULL DEFAULT 1440;
