-- For `scripts/bench list-pg`: gives the targets imported from gen_targets.py's file (all 存续,
-- in the importer's department, untagged) a spread like the demo directory's, so that every
-- search of list_bench.py meets a realistic share of the directory. The demo's own targets
-- (ids up to :demo_max) keep theirs. psql -v demo_max=N -f spread_targets.sql
UPDATE targets SET
  status = CASE WHEN id % 20 = 1 THEN '注销' WHEN id % 50 = 3 THEN '吊销'
                WHEN id % 3 = 0 THEN '在业' ELSE status END,
  department_id = CASE
    WHEN id % 10 = 4 THEN (SELECT id FROM departments WHERE code = 'CQJXW-JNZY')
    WHEN division_code = '500111' AND id % 2 = 0 THEN (SELECT id FROM departments WHERE code = 'DZ-JXW')
    WHEN division_code = '500103' AND id % 5 = 0 THEN (SELECT id FROM departments WHERE code = 'YZ-JXW')
    ELSE department_id END
  WHERE id > :demo_max;
INSERT INTO target_tags (target_id, tag)
  SELECT id, '严重违法失信' FROM targets WHERE id > :demo_max AND id % 40 = 7;
INSERT INTO target_tags (target_id, tag)
  SELECT id, '经营异常名录' FROM targets WHERE id > :demo_max AND id % 25 = 2;
