#include "demo/demo_restrictions.h"

#include <vector>

#include "common/clock.h"
#include "restrictions/restriction_repo.h"

namespace ssj::demo {

Result<int64_t> AddRestrictions(soci::session& sql, db::Backend backend, int64_t now_ms) {
  if (db::Query("SELECT COUNT(*) FROM conflicts").ScalarInt(sql) +
          db::Query("SELECT COUNT(*) FROM exemptions").ScalarInt(sql) >
      0) {
    return int64_t{0};
  }
  // The first demo targets, oldest first, and the demo people of 节能与综合利用处 and 渝中区.
  std::vector<int64_t> targets;
  db::Query("SELECT id FROM targets WHERE kind = 'entity' ORDER BY id LIMIT 8")
      .ForEach(sql, [&](const soci::row& row) { targets.push_back(db::RowInt(row, 0)); });
  if (targets.size() < 8) return int64_t{0};
  auto person = [&](const char* code) { return restrictions::repo::InspectorByCode(sql, code); };
  const auto jnzy = person("渝执50001101");
  const auto jnzy2 = person("渝执50001107");
  const auto yz = person("渝执50103104");  // 王磊, the demo inspector account
  if (!jnzy || !jnzy2 || !yz) return int64_t{0};

  const std::string now = FormatIsoMillis(now_ms);
  db::Transaction tx(sql, backend);
  int64_t added = 0;
  auto conflict = [&](int64_t inspector, int64_t target, const char* reason, const char* source) {
    ++added;
    return restrictions::repo::InsertConflict(
        sql, {inspector, target, reason, source, "2026-01-01", ""}, std::nullopt, now);
  };
  conflict(jnzy->id, targets[0], "其配偶在该企业任财务负责人", "工作人员登记");
  conflict(jnzy2->id, targets[1], "三年内曾在该企业任职", "工作人员登记");
  conflict(yz->id, targets[2], "其兄为该企业股东", "自行申报");
  const int64_t revoked = conflict(jnzy->id, targets[3], "曾为该企业提供咨询服务", "工作人员登记");
  restrictions::repo::Revoke(sql, "conflicts", revoked,
                             "咨询合同已于 2025 年终止，经核实不再构成利害关系", now);

  auto exemption = [&](int64_t target, const char* scope, const char* from, const char* until,
                       const char* document) {
    ++added;
    return restrictions::repo::InsertExemption(sql, {target, scope, from, until, document},
                                               std::nullopt, now);
  };
  exemption(targets[4], "全部事项", "2026-01-01", "2026-12-31", "渝经信发〔2026〕12号");
  exemption(targets[5], "工业产品生产许可证获证企业监督检查", "2026-03-01", "2027-02-28",
            "渝经信发〔2026〕12号");
  exemption(targets[6], "全部事项", "2025-01-01", "2025-12-31", "渝经信发〔2025〕8号");  // lapsed
  const int64_t withdrawn =
      exemption(targets[7], "全部事项", "2026-01-01", "2026-12-31", "渝经信发〔2026〕12号");
  restrictions::repo::Revoke(sql, "exemptions", withdrawn, "该企业被列入经营异常名录，撤销免检",
                             now);
  tx.Commit();
  return added;
}

}  // namespace ssj::demo
