-- The item list (抽查事项清单: DB50/T appendix A.1, the contents of 001 Art. 5 and 000 Art. 5, and
-- Zibo's exempt-list rule, 004 Art. 9) under dynamic management (动态管理). `catalog_items` holds
-- each item's newest version, which may be a draft; `catalog_item_versions` keeps every version
-- as JSON with its state; `catalog_public` is a copy of each item's published version, written
-- when it is published and removed when it is retired, so the portal never reads a draft.

CREATE TABLE catalog_items (
  id @ID@,
  code TEXT NOT NULL UNIQUE,                 -- 事项编码, e.g. CQJXW-JNZY-001
  domain TEXT NOT NULL,                      -- 抽查领域
  name TEXT NOT NULL,                        -- 抽查事项
  sub_item TEXT NOT NULL DEFAULT '',         -- 子项
  category TEXT NOT NULL DEFAULT '',         -- 重点 | 一般 | '' (a draft not yet classified)
  ratio_cap TEXT NOT NULL DEFAULT '',        -- 一般: a decimal fraction ("0.05"); 重点: ''
  content TEXT NOT NULL DEFAULT '',          -- 检查内容
  basis TEXT NOT NULL DEFAULT '',            -- 检查依据
  methods TEXT NOT NULL DEFAULT '',          -- 检查方式, 、-joined in the dictionary's order
  frequency TEXT NOT NULL DEFAULT '',        -- 抽查频次, e.g. 每年1次
  target TEXT NOT NULL DEFAULT '',           -- 检查对象 (A.1), e.g. 重点用能单位
  target_type TEXT NOT NULL DEFAULT 'entity',  -- entity | place | product (B.1 | B.2 | B.3)
  department_id BIGINT NOT NULL REFERENCES departments(id),  -- 发起部门
  publication TEXT NOT NULL DEFAULT '',      -- 公示方式
  no_advance_notice INTEGER NOT NULL DEFAULT 0,  -- 不予提前告知
  specialty TEXT NOT NULL DEFAULT '',        -- 所需检查人员专长 (a name in specialties)
  nature TEXT NOT NULL DEFAULT '常规',       -- 事项性质: 常规 | 安全生产 | 生态环境 | 投诉举报 | 上级交办
  exemption TEXT NOT NULL DEFAULT '适用',    -- 免检免扰: 适用 | 不适用 (不适用 unless 常规)
  remark TEXT NOT NULL DEFAULT '',           -- 备注
  status TEXT NOT NULL DEFAULT '草稿',       -- 草稿 | 已发布 | 已停用
  version INTEGER NOT NULL DEFAULT 1,        -- the newest version (this row)
  published_version INTEGER,                 -- the public one; NULL until first published
  last_action TEXT NOT NULL DEFAULT 'create',
  created_by BIGINT,
  updated_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (department_id, name, sub_item)
);
CREATE INDEX catalog_items_status ON catalog_items (status, id);

-- 配合部门 of the newest version.
CREATE TABLE catalog_item_cooperators (
  item_id BIGINT NOT NULL REFERENCES catalog_items(id) ON DELETE CASCADE,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  PRIMARY KEY (item_id, department_id)
);

-- Every version, the newest included. A draft is edited in place until it is published; an edit
-- after that starts the next version.
CREATE TABLE catalog_item_versions (
  id @ID@,
  item_id BIGINT NOT NULL REFERENCES catalog_items(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,                      -- 草稿 | 已发布 | 已替代 | 已停用
  action TEXT NOT NULL,                      -- how its content came about: create | update | import | restore
  data TEXT NOT NULL,                        -- the fields as JSON
  changed_by BIGINT,
  changed_at TEXT NOT NULL,
  published_by BIGINT,
  published_at TEXT NOT NULL DEFAULT '',
  retired_by BIGINT,
  retired_at TEXT NOT NULL DEFAULT '',
  retire_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (item_id, version)
);

-- The published version of each item in force: only what the public may see.
CREATE TABLE catalog_public (
  item_id BIGINT PRIMARY KEY REFERENCES catalog_items(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  code TEXT NOT NULL,
  domain TEXT NOT NULL,
  name TEXT NOT NULL,
  sub_item TEXT NOT NULL,
  category TEXT NOT NULL,
  content TEXT NOT NULL,
  basis TEXT NOT NULL,
  methods TEXT NOT NULL,
  frequency TEXT NOT NULL,
  target TEXT NOT NULL,
  target_type TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  publication TEXT NOT NULL,
  published_at TEXT NOT NULL
);
CREATE INDEX catalog_public_domain ON catalog_public (domain, code);

CREATE TABLE catalog_public_cooperators (
  item_id BIGINT NOT NULL REFERENCES catalog_public(item_id) ON DELETE CASCADE,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  PRIMARY KEY (item_id, department_id)
);
