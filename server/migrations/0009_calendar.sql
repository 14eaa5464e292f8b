-- The working-day calendar's years entered by an administrator (工作日历). The arrangements of
-- the notices up to the release are shipped in server/data/cn-holidays.json; a year entered here
-- adds a later notice, or replaces a shipped year, without a rebuild. Replacing a year rewrites
-- its days; the audit log keeps what was there before.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,                  -- the year in the notice's title
  notice_title TEXT NOT NULL,                -- 国务院办公厅关于2027年部分节假日安排的通知
  notice_url TEXT NOT NULL DEFAULT '',
  entered_by BIGINT,                         -- users.id
  entered_at TEXT NOT NULL
);

-- The notice's days: official days off (holiday, with the holiday's name) and weekend days
-- worked instead (workday, 调休上班). A day is one or the other within a notice.
CREATE TABLE calendar_year_days (
  year INTEGER NOT NULL REFERENCES calendar_years(year) ON DELETE CASCADE,
  day TEXT NOT NULL,                         -- YYYY-MM-DD; may be in the last days of year - 1
  kind TEXT NOT NULL,                        -- holiday | workday
  name TEXT NOT NULL DEFAULT '',             -- 春节, 国庆节、中秋节 …
  PRIMARY KEY (year, day)
);
