-- The inspector directory (执法检查人员名录库, DB50/T appendix C.1 plus the fields Zibo publishes)
-- and the expert and auxiliary library (专家库, 辅助检查人员库) in one table: `category` tells
-- 执法人员 from 辅助人员, 专家 and 第三方机构. `code` is the row's key: the 执法证号 of a 执法人员,
-- the ID number (or an institution's USCC) of the others.

CREATE TABLE specialties (
  id @ID@,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO specialties (name, sort_order) VALUES
  ('工业产品生产许可', 1), ('节能监察', 2), ('无线电管理', 3), ('民用爆炸物品', 4),
  ('安全生产', 5), ('危险化学品', 6), ('电子信息产品', 7), ('软件和信息技术服务', 8),
  ('通信建设', 9), ('新能源汽车', 10), ('清洁生产', 11), ('资源综合利用', 12),
  ('行政执法综合', 13), ('检验检测', 14), ('法律', 15), ('财务审计', 16);

CREATE TABLE inspectors (
  id @ID@,
  category TEXT NOT NULL,              -- 执法人员 | 辅助人员 | 专家 | 第三方机构
  code TEXT NOT NULL UNIQUE,           -- the key: cert_no for 执法人员, else id_number
  name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',     -- 男 | 女 | '' (institutions)
  phone TEXT NOT NULL DEFAULT '',
  id_number TEXT NOT NULL DEFAULT '',  -- GB 11643, or a USCC for 第三方机构
  cert_no TEXT NOT NULL DEFAULT '',    -- 执法证号
  cert_valid_until TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
  organisation TEXT NOT NULL DEFAULT '',      -- 工作单位 (auxiliary)
  title TEXT NOT NULL DEFAULT '',             -- 职称
  post TEXT NOT NULL DEFAULT '',              -- 岗位
  department_id BIGINT NOT NULL REFERENCES departments(id),
  division_code TEXT NOT NULL DEFAULT '',     -- 所属区县, GB/T 2260
  status TEXT NOT NULL DEFAULT '在岗',        -- 在岗 | 离岗 | 停用
  user_id BIGINT REFERENCES users(id),        -- the account of an inspector who logs in
  version INTEGER NOT NULL DEFAULT 1,
  last_action TEXT NOT NULL DEFAULT 'create',
  created_by BIGINT,
  updated_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX inspectors_department ON inspectors (department_id, id);
CREATE INDEX inspectors_category ON inspectors (category, status, id);

CREATE TABLE inspector_specialties (
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id) ON DELETE CASCADE,
  specialty TEXT NOT NULL,
  PRIMARY KEY (inspector_id, specialty)
);
CREATE INDEX inspector_specialties_name ON inspector_specialties (specialty, inspector_id);

-- Earlier versions; the newest is the row itself (as for targets).
CREATE TABLE inspector_history (
  id @ID@,
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  action TEXT NOT NULL,
  data TEXT NOT NULL,
  changed_by BIGINT,
  changed_at TEXT NOT NULL,
  UNIQUE (inspector_id, version)
);
