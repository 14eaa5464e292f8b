#include "restrictions/restrictions.h"

#include "directory/directory.h"
#include "importer/csv_reader.h"

namespace ssj::restrictions {
namespace {

using directory::NormalizeCode;
using directory::OneOf;

// Cell access and problems for one row against one column list.
class RowCheck {
 public:
  RowCheck(const Row& row, const std::vector<Column>& columns, std::vector<CellProblem>* out)
      : row_(row), columns_(columns), out_(out) {
    for (size_t col = 0; col < columns.size(); ++col) {
      if (columns[col].required_value && cell(col).empty()) problem(col, "必填项为空");
    }
  }
  const std::string& cell(size_t col) const {
    static const std::string kEmpty;
    return col < row_.size() ? row_[col] : kEmpty;
  }
  void problem(size_t col, std::string message, bool warning = false) {
    out_->push_back({columns_[col].name, cell(col), std::move(message), warning});
  }
  // A date cell; `fallback` when empty.
  std::string Date(size_t col, const std::string& fallback) {
    if (cell(col).empty()) return fallback;
    if (auto date = importer::ExcelDate(cell(col))) return *date;
    problem(col, "不是有效的日期（如 2026-12-31）");
    return fallback;
  }
  // A person or target by code, cross-checked against the name column when it is filled.
  std::optional<Ref> Find(size_t code_col, size_t name_col,
                          const std::function<std::optional<Ref>(const std::string&)>& lookup,
                          const char* what) {
    const std::string code = NormalizeCode(cell(code_col));
    if (code.empty()) return std::nullopt;
    auto found = lookup(code);
    if (!found) {
      problem(code_col, std::string("名录库中没有此") + what);
    } else if (!cell(name_col).empty() && cell(name_col) != found->name) {
      problem(name_col, "与编码对应的名称“" + found->name + "”不符");
    }
    return found;
  }

 private:
  const Row& row_;
  const std::vector<Column>& columns_;
  std::vector<CellProblem>* out_;
};

enum ConflictCol { kPerson, kPersonName, kTarget, kTargetName, kReason, kSource, kFrom, kUntil };
enum ExemptionCol { kExTarget, kExTargetName, kScope, kExFrom, kExUntil, kDocument };

}  // namespace

const std::vector<Column>& ConflictColumns() {
  static const std::vector<Column> columns = {
      {"执法证号或证件号码", true, true, "必填。执法人员填执法证号，其他人员填证件号码。"},
      {"人员姓名", false, false, "选填。填写时须与名录库中的姓名一致。"},
      {"行政相对人编码", true, true, "必填。检查对象的统一社会信用代码或编码。"},
      {"行政相对人名称", false, false, "选填。填写时须与名录库中的名称一致。"},
      {"利害关系说明", true, true, "必填。如：近亲属在该企业任职。"},
      {"来源", false, false, "选填，默认“工作人员登记”。自行申报、工作人员登记。"},
      {"有效期起", false, false, "选填，默认导入当日。"},
      {"有效期至", false, false, "选填；留空表示长期有效。"},
  };
  return columns;
}

const std::vector<std::string>& ConflictFieldNames() {
  static const std::vector<std::string> names = {"inspector",   "inspector_name", "target",
                                                 "target_name", "reason",         "source",
                                                 "valid_from",  "valid_until"};
  return names;
}

const std::vector<Column>& ExemptionColumns() {
  static const std::vector<Column> columns = {
      {"行政相对人编码", true, true, "必填。检查对象的统一社会信用代码或编码。"},
      {"行政相对人名称", false, false, "选填。填写时须与名录库中的名称一致。"},
      {"免检范围", false, false, "选填，默认“全部事项”；或列出适用的抽查事项。"},
      {"有效期起", true, true, "必填。如 2026-01-01。"},
      {"有效期至", true, true, "必填。如 2026-12-31。"},
      {"依据文件", true, true, "必填。如 渝经信发〔2026〕12号。"},
  };
  return columns;
}

const std::vector<std::string>& ExemptionFieldNames() {
  static const std::vector<std::string> names = {"target",     "target_name", "scope",
                                                 "valid_from", "valid_until", "source_document"};
  return names;
}

Checked<ConflictInput> CheckConflict(const Row& row, const CheckContext& context) {
  Checked<ConflictInput> out;
  ConflictInput& c = out.input;
  RowCheck check(row, ConflictColumns(), &out.problems);
  if (auto person = check.Find(kPerson, kPersonName, context.inspector, "人员")) {
    c.inspector_id = person->id;
    out.department_id = person->department_id;
  }
  if (auto target = check.Find(kTarget, kTargetName, context.target, "检查对象"))
    c.target_id = target->id;
  c.reason = check.cell(kReason);
  if (c.reason.size() > 600) check.problem(kReason, "说明过长（最多 200 个汉字）");
  if (!check.cell(kSource).empty()) {
    c.source = check.cell(kSource);
    if (!OneOf(c.source, kSources)) check.problem(kSource, "应为 自行申报 或 工作人员登记");
  }
  c.valid_from = check.Date(kFrom, context.today);
  c.valid_until = check.Date(kUntil, "");
  if (!c.valid_until.empty() && c.valid_until < c.valid_from)
    check.problem(kUntil, "有效期至不能早于有效期起");
  out.key = NormalizeCode(check.cell(kPerson)) + "|" + NormalizeCode(check.cell(kTarget));
  return out;
}

Checked<ExemptionInput> CheckExemption(const Row& row, const CheckContext& context) {
  Checked<ExemptionInput> out;
  ExemptionInput& e = out.input;
  RowCheck check(row, ExemptionColumns(), &out.problems);
  if (auto target = check.Find(kExTarget, kExTargetName, context.target, "检查对象")) {
    e.target_id = target->id;
    out.department_id = target->department_id;
  }
  if (!check.cell(kScope).empty()) e.scope = check.cell(kScope);
  if (e.scope.size() > 600) check.problem(kScope, "免检范围过长（最多 200 个汉字）");
  e.valid_from = check.Date(kExFrom, "");
  e.valid_until = check.Date(kExUntil, "");
  if (!e.valid_from.empty() && !e.valid_until.empty() && e.valid_until < e.valid_from)
    check.problem(kExUntil, "有效期至不能早于有效期起");
  e.source_document = check.cell(kDocument);
  if (e.source_document.size() > 300) check.problem(kDocument, "依据文件过长（最多 100 个汉字）");
  out.key = NormalizeCode(check.cell(kExTarget)) + "|" + e.source_document + "|" + e.scope;
  return out;
}

bool InForce(const std::string& status, const std::string& from, const std::string& until,
             const std::string& day) {
  return status == "有效" && from <= day && (until.empty() || day <= until);
}

}  // namespace ssj::restrictions
