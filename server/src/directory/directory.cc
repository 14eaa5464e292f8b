#include "directory/directory.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "codes/divisions.h"
#include "codes/industry.h"
#include "codes/resident_id.h"
#include "codes/uscc.h"
#include "importer/csv_reader.h"

namespace ssj::directory {
namespace {

using importer::ListOf;
using importer::SplitList;

// The columns every kind ends with, after its own: the appendix's five, then ssj's optional ones.
enum Shared {
  kAddress,
  kPhone,
  kDistrict,
  kNature,
  kDivision,
  kStatus,
  kClass,
  kIndustrySection,
  kIndustryDivision,
  kTagsCol,
  kDepartment,
  kSharedCount
};

const std::vector<Column>& SharedColumns() {
  static const std::vector<Column> columns = {
      {"检查地址", true, false, "选填。实施检查的地址。"},
      {"检查联系电话", true, false, "选填。7–20 位数字，可含 - 和 +。"},
      {"所属区县", true, false, "选填。区县名称，须与行政区划代码一致；留空则按区划代码填写。"},
      {"行政相对人性质", true, true,
       "必填。企业、个体工商户、农民专业合作社、其他组织、自然人，或双公示类别“法人及非法人组织”"
       "。"},
      {"行政区划代码", true, true, "必填。6 位 GB/T 2260 代码（县级），见“字典”表。"},
      {"经营状态", false, false,
       "选填，默认“存续”。存续、在业、注销、吊销、撤销、迁出、停业清算。"},
      {"信用风险分类", false, false, "选填。A、B、C、D（也可写“B类”）；留空表示未分类。"},
      {"行业门类", false, false, "选填。GB/T 4754 门类字母 A–T 或门类名称；填了行业大类时可不填。"},
      {"行业大类", false, false, "选填。两位数字 01–97，如 36（汽车制造业）。"},
      {"标签", false, false,
       "选填，多个用顿号分隔：经营异常名录、严重违法失信、投诉举报多、行政处罚记录。"},
      {"监管部门", false, false,
       "选填。部门编码或全称；留空则归导入人所在部门（命令行导入时为 --department）。"}};
  return columns;
}

const std::vector<std::string> kSharedFields = {
    "address",           "phone",  "district",     "nature",
    "division_code",     "status", "credit_class", "industry_section",
    "industry_division", "tags",   "department"};

// A kind's own columns: those before the shared ones (the appendix's), and optional ones after.
struct KindSpec {
  std::vector<Column> head;
  std::vector<std::string> head_fields;
  std::vector<Column> tail;
  std::vector<std::string> tail_fields;
};

// B.1: name and code. B.2 and B.3 keep their own appendix columns in `extra`, under these keys.
const KindSpec& Spec(TargetKind kind) {
  static const KindSpec entity{
      {{"行政相对人名称", true, true, "必填。营业执照上的名称，或自然人姓名。"},
       {"行政相对人编码", true, true,
        "必填。18 位统一社会信用代码（可小写、全角，导入时自动规范）；自然人填 18 位公民身份号码"
        "（不收 15 位旧号码）。"}},
      {"name", "code"},
      {},
      {}};
  static const KindSpec place{
      {{"场地场所", true, true, "必填。场所名称，如“某某化工园区储罐区”。"},
       {"所在地区", true, false, "选填。如“重庆市渝中区”。"},
       {"行政区划", true, false, "选填。乡镇（街道）或园区名称。"},
       {"责任单位", true, false, "选填。对场所负管理责任的单位。"},
       {"责任单位统一社会信用代码", true, false,
        "18 位统一社会信用代码；未填“场所编码”时必填，与场地场所名称一起识别场所。"},
       {"责任人", true, false, "选填。"},
       {"责任人证件类型", true, false, "选填，默认“居民身份证”。"},
       {"责任人证件编码", true, false, "选填。居民身份证须为 18 位。"},
       {"场所用途", true, false, "选填。"},
       {"场所规模", true, false, "选填，如“占地 2.3 公顷”。"},
       {"投入使用开始时间", true, false, "选填。日期，如 2015-06-01。"},
       {"使用寿命", true, false, "选填，如“30 年”。"}},
      {"name", "area", "region", "unit", "unit_code", "person", "person_id_type", "person_id",
       "use", "scale", "in_use_since", "service_life"},
      {{"场所编码", false, false,
        "选填。部门为场所编的编号；留空则以“责任单位统一社会信用代码/场地场所”识别场所。"}},
      {"place_code"}};
  static const KindSpec product{
      {{"生产许可证编号", true, true, "必填。如 XK16-204-01234（全角、小写可自动规范）。"},
       {"企业名称", true, true, "必填。取得许可证的企业。"},
       {"统一社会信用代码", true, false, "选填。企业的 18 位统一社会信用代码。"},
       {"发证日期", true, false, "选填。日期，如 2023-03-15。"},
       {"有效期至", true, false, "选填。日期；已过期的会提示。"}},
      {"code", "name", "uscc", "issued_on", "valid_until"},
      {{"产品名称", false, false, "选填。许可证载明的产品，多个用顿号分隔。"}},
      {"product"}};
  switch (kind) {
    case TargetKind::kPlace:
      return place;
    case TargetKind::kProduct:
      return product;
    default:
      return entity;
  }
}

template <class T>
std::vector<T> Joined(const std::vector<T>& head, const std::vector<T>& shared,
                      const std::vector<T>& tail) {
  std::vector<T> out = head;
  out.insert(out.end(), shared.begin(), shared.end());
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

const KindInfo kInfos[] = {
    {TargetKind::kEntity, "entity", "targets", "行政相对人", "附录 B.1", "行政相对人编码"},
    {TargetKind::kPlace, "place", "places", "场地场所", "附录 B.2", "场地场所"},
    {TargetKind::kProduct, "product", "products", "产品", "附录 B.3", "生产许可证编号"},
};

}  // namespace

const KindInfo& Info(TargetKind kind) { return kInfos[static_cast<int>(kind)]; }

std::optional<TargetKind> KindByName(std::string_view name) {
  for (const KindInfo& info : kInfos) {
    if (name == info.kind || name == info.import_name) return info.id;
  }
  return std::nullopt;
}

const std::vector<Column>& TargetColumns(TargetKind kind) {
  static const std::vector<Column> all[] = {
      Joined(Spec(TargetKind::kEntity).head, SharedColumns(), Spec(TargetKind::kEntity).tail),
      Joined(Spec(TargetKind::kPlace).head, SharedColumns(), Spec(TargetKind::kPlace).tail),
      Joined(Spec(TargetKind::kProduct).head, SharedColumns(), Spec(TargetKind::kProduct).tail)};
  return all[static_cast<int>(kind)];
}

const std::vector<std::string>& TargetFieldNames(TargetKind kind) {
  static const std::vector<std::string> all[] = {
      Joined(Spec(TargetKind::kEntity).head_fields, kSharedFields,
             Spec(TargetKind::kEntity).tail_fields),
      Joined(Spec(TargetKind::kPlace).head_fields, kSharedFields,
             Spec(TargetKind::kPlace).tail_fields),
      Joined(Spec(TargetKind::kProduct).head_fields, kSharedFields,
             Spec(TargetKind::kProduct).tail_fields)};
  return all[static_cast<int>(kind)];
}

const std::vector<Column>& EntityColumns() { return TargetColumns(TargetKind::kEntity); }

boost::json::object InputJson(const TargetInput& t) {
  boost::json::array tags;
  for (const auto& tag : t.tags) tags.emplace_back(tag);
  return {{"kind", t.kind},
          {"code", t.code},
          {"name", t.name},
          {"nature", t.nature},
          {"division_code", t.division_code},
          {"address", t.address},
          {"phone", t.phone},
          {"industry_section", t.industry_section},
          {"industry_division", t.industry_division},
          {"status", t.status},
          {"credit_class", t.credit_class},
          {"tags", std::move(tags)},
          {"department_id", t.department_id},
          {"extra", boost::json::parse(t.extra)},
          {"code_warning", t.code_warning}};
}

bool Checked::ok() const { return importer::NoErrors(problems); }

std::string NormalizeCode(std::string_view code) {
  // The usual cell is printable ASCII already, with nothing to remove or raise.
  if (std::all_of(code.begin(), code.end(),
                  [](char c) { return c > ' ' && c < 0x7F && !(c >= 'a' && c <= 'z'); })) {
    return std::string(code);
  }
  const std::string ascii = importer::FullwidthToAscii(code);
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
  std::string out;
  for (size_t i = 0; i < ascii.size(); ++i) {
    if (std::string_view(ascii).substr(i).starts_with(kIdeographicSpace)) {
      i += kIdeographicSpace.size() - 1;
      continue;
    }
    char c = ascii[i];
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::optional<std::pair<std::string, std::string>> DivisionRange(const std::string& code) {
  if (!codes::FindDivision(code)) return std::nullopt;
  std::string prefix = code;
  while (prefix.size() > 2 && prefix.ends_with("00")) prefix.resize(prefix.size() - 2);
  std::string upper = prefix;
  // The next prefix of the same length: "3703" → "3704" (digits only, never "99" at the end of
  // a real division, so no carry is needed beyond one digit).
  for (size_t i = upper.size(); i-- > 0;) {
    if (upper[i] < '9') {
      ++upper[i];
      break;
    }
    upper[i] = '0';
  }
  return std::make_pair(prefix, upper);
}

namespace {

// A row being checked: its cells by column and the problems found, named by column.
class RowCheck {
 public:
  RowCheck(const Row& row, const std::vector<Column>& columns, Checked& out)
      : row_(row), columns_(columns), out_(out) {}
  const std::string& cell(size_t col) const {
    static const std::string kEmpty;
    return col < row_.size() ? row_[col] : kEmpty;
  }
  void problem(size_t col, std::string message, bool warning = false) {
    out_.problems.push_back({columns_[col].name, cell(col), std::move(message), warning});
  }
  // A USCC cell, normalised; an error when it cannot be one, a warning (also kept as the
  // target's code_warning) when only its check character differs, as with early codes.
  std::string Uscc(size_t col) {
    std::string code = NormalizeCode(cell(col));
    if (code.empty()) return code;
    codes::UsccCheck check = codes::CheckUscc(code);
    if (check.status == codes::UsccStatus::kInvalid) {
      problem(col, check.message);
    } else if (check.status == codes::UsccStatus::kCheckMismatch) {
      problem(col, check.message, true);
      out_.input.code_warning = check.message;
    }
    return code;
  }
  // A date cell as YYYY-MM-DD ("" when empty).
  std::string Date(size_t col) {
    if (cell(col).empty()) return "";
    if (auto date = importer::ExcelDate(cell(col))) return *date;
    problem(col, "不是有效的日期（如 2024-03-15）");
    return "";
  }
  std::string Text(size_t col, size_t max_bytes = 300) {
    if (cell(col).size() > max_bytes)
      problem(col, "内容过长（最多 " + std::to_string(max_bytes / 3) + " 个汉字）");
    return cell(col);
  }

 private:
  const Row& row_;
  const std::vector<Column>& columns_;
  Checked& out_;
};

constexpr const char* kIdTypes[] = {
    "居民身份证",           "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
    "外国人永久居留身份证", "其他"};

void CheckShared(RowCheck& c, size_t base, const CheckContext& ctx, TargetInput& t) {
  t.nature = c.cell(base + kNature) == "个人" ? "自然人" : c.cell(base + kNature);
  if (!t.nature.empty() && !OneOf(t.nature, kNatures))
    c.problem(base + kNature, "应为 " + ListOf(kNatures) + " 之一");

  t.division_code = NormalizeCode(c.cell(base + kDivision));
  const codes::Division* division = nullptr;
  if (!t.division_code.empty()) {
    division = codes::FindDivision(t.division_code);
    if (!division) c.problem(base + kDivision, "不是有效的行政区划代码（GB/T 2260）");
  }
  const std::string& district = c.cell(base + kDistrict);
  if (division && !district.empty() && district != division->name &&
      district != division->full_name) {
    c.problem(base + kDistrict,
              "与行政区划代码 " + t.division_code + "（" + division->full_name + "）不符");
  }

  t.address = c.Text(base + kAddress, 600);
  t.phone = NormalizeCode(c.cell(base + kPhone));
  if (auto why = importer::PhoneProblem(t.phone)) c.problem(base + kPhone, *why);

  if (!c.cell(base + kStatus).empty()) {
    t.status = c.cell(base + kStatus);
    if (!OneOf(t.status, kStatuses))
      c.problem(base + kStatus, "应为 " + ListOf(kStatuses) + " 之一");
  }
  t.credit_class = NormalizeCode(c.cell(base + kClass));
  if (t.credit_class.ends_with("类")) t.credit_class.resize(t.credit_class.size() - 3);
  if (t.credit_class.ends_with("级")) t.credit_class.resize(t.credit_class.size() - 3);
  if (!t.credit_class.empty() && !OneOf(t.credit_class, kClasses))
    c.problem(base + kClass, "应为 A、B、C、D 之一（留空表示未分类）");

  // Industry: the 门类 by letter or name; the 大类 by its two digits, which also implies the 门类.
  const std::string& section_cell = c.cell(base + kIndustrySection);
  if (!section_cell.empty()) {
    const codes::IndustrySection* section = codes::FindIndustrySection(NormalizeCode(section_cell));
    if (!section) {
      for (const auto& s : codes::IndustrySections()) {
        if (s.name == section_cell) section = &s;
      }
    }
    if (section) {
      t.industry_section = section->code;
    } else {
      c.problem(base + kIndustrySection, "不是 GB/T 4754 的行业门类（A–T 或门类名称）");
    }
  }
  std::string division_cell = NormalizeCode(c.cell(base + kIndustryDivision));
  if (division_cell.size() == 1) division_cell = "0" + division_cell;  // Excel drops the zero
  if (!division_cell.empty()) {
    const codes::IndustrySection* section = codes::SectionOfDivision(division_cell);
    if (!section) {
      c.problem(base + kIndustryDivision, "不是 GB/T 4754 的行业大类（01–97）");
    } else if (!t.industry_section.empty() && t.industry_section != section->code) {
      c.problem(base + kIndustryDivision,
                "行业大类 " + division_cell + " 属于门类 " + section->code + "，与所填门类不符");
    } else {
      t.industry_section = section->code;
      t.industry_division = division_cell;
    }
  }

  std::set<std::string> tags;
  for (const std::string& tag : SplitList(c.cell(base + kTagsCol))) {
    if (OneOf(tag, kTags)) {
      tags.insert(tag);
    } else {
      c.problem(base + kTagsCol, "未知标签“" + tag + "”，可用：" + ListOf(kTags));
    }
  }
  t.tags.assign(tags.begin(), tags.end());

  t.department_id = ctx.default_department;
  if (!c.cell(base + kDepartment).empty()) {
    if (auto id = ctx.lookup(c.cell(base + kDepartment))) {
      t.department_id = *id;
    } else {
      c.problem(base + kDepartment, "没有这个部门（请填写部门编码或全称）");
    }
  }
}

// B.1: a USCC, or for a 自然人 a resident ID number.
void CheckEntityHead(RowCheck& c, TargetInput& t) {
  t.name = c.Text(0);
  t.code = NormalizeCode(c.cell(1));
  if (t.code.empty()) return;
  if (t.nature == "自然人") {
    if (auto why = codes::ResidentIdProblem(t.code)) c.problem(1, *why);
  } else {
    t.code = c.Uscc(1);
  }
}

// B.2: a place has no code of its own in the appendix; the department's 场所编码 names it, or
// else its responsible unit's USCC with its name.
void CheckPlaceHead(RowCheck& c, size_t tail, TargetInput& t) {
  boost::json::object extra;
  const auto& fields = TargetFieldNames(TargetKind::kPlace);
  t.name = c.Text(0);
  for (size_t col : {1, 2, 3, 5, 8, 9, 11}) extra[fields[col]] = c.Text(col);
  const std::string unit_code = c.Uscc(4);
  extra["unit_code"] = unit_code;
  std::string id_type = c.cell(6);
  const std::string person_id = NormalizeCode(c.cell(7));
  if (id_type.empty() && !person_id.empty()) id_type = "居民身份证";
  if (!id_type.empty() && !OneOf(id_type, kIdTypes))
    c.problem(6, "应为 " + ListOf(kIdTypes) + " 之一");
  if (id_type == "居民身份证" && !person_id.empty()) {
    if (auto why = codes::ResidentIdProblem(person_id)) c.problem(7, *why);
  }
  extra["person_id_type"] = id_type;
  extra["person_id"] = person_id;
  extra["in_use_since"] = c.Date(10);
  const std::string place_code = NormalizeCode(c.cell(tail));
  extra["place_code"] = place_code;
  if (place_code.size() > 64) c.problem(tail, "场所编码过长（最多 64 个字符）");
  if (!place_code.empty()) {
    t.code = place_code;
  } else if (!unit_code.empty() && !t.name.empty()) {
    t.code = unit_code + "/" + t.name;
  } else if (unit_code.empty()) {
    c.problem(4, "未填写场所编码时，须填写责任单位统一社会信用代码，用以识别场所");
  }
  t.extra = boost::json::serialize(extra);
}

// XK + two digits, a dash, three digits, a dash, five digits: the national licence's form.
bool LooksLikeLicence(std::string_view code) {
  if (code.size() != 14 || !code.starts_with("XK") || code[4] != '-' || code[8] != '-')
    return false;
  for (size_t i : {2, 3, 5, 6, 7, 9, 10, 11, 12, 13}) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

// B.3: a product is known by its production licence.
void CheckProductHead(RowCheck& c, size_t tail, const CheckContext& ctx, TargetInput& t) {
  t.code = NormalizeCode(c.cell(0));
  if (t.code.size() > 64) {
    c.problem(0, "生产许可证编号过长（最多 64 个字符）");
  } else if (!t.code.empty() && !LooksLikeLicence(t.code)) {
    c.problem(0, "不是常见的生产许可证编号格式（XK00-000-00000），请核对", true);
    t.code_warning = "生产许可证编号格式少见";
  }
  t.name = c.Text(1);
  boost::json::object extra;
  extra["uscc"] = c.Uscc(2);
  const std::string issued = c.Date(3), until = c.Date(4);
  if (!issued.empty() && !until.empty() && until < issued)
    c.problem(4, "有效期至早于发证日期 " + issued);
  else if (!until.empty() && !ctx.today.empty() && until < ctx.today)
    c.problem(4, "许可证已于 " + until + " 到期", true);
  extra["issued_on"] = issued;
  extra["valid_until"] = until;
  extra["product"] = c.Text(tail);
  t.extra = boost::json::serialize(extra);
}

}  // namespace

Checked CheckTarget(TargetKind kind, const Row& row, const CheckContext& ctx) {
  Checked out;
  TargetInput& t = out.input;
  t.kind = Info(kind).kind;
  const auto& columns = TargetColumns(kind);
  RowCheck c(row, columns, out);
  for (size_t col = 0; col < columns.size(); ++col) {
    if (columns[col].required_value && c.cell(col).empty()) c.problem(col, "必填项为空");
  }
  const size_t base = Spec(kind).head.size();
  CheckShared(c, base, ctx, t);  // first: a B.1 code is checked by the 性质
  switch (kind) {
    case TargetKind::kEntity:
      CheckEntityHead(c, t);
      break;
    case TargetKind::kPlace:
      CheckPlaceHead(c, base + kSharedCount, t);
      break;
    case TargetKind::kProduct:
      CheckProductHead(c, base + kSharedCount, ctx, t);
      break;
  }
  // Problems in column order, whichever part found them.
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [&](const CellProblem& a, const CellProblem& b) {
                     auto at = [&](const std::string& name) {
                       return std::find_if(columns.begin(), columns.end(),
                                           [&](const Column& col) { return name == col.name; }) -
                              columns.begin();
                     };
                     return at(a.column) < at(b.column);
                   });
  return out;
}

Checked CheckEntity(const Row& row, int64_t default_department, const DepartmentLookup& lookup) {
  return CheckTarget(TargetKind::kEntity, row, {default_department, lookup, ""});
}

Row ToRow(const Target& t) {
  const TargetKind kind = KindByName(t.kind).value_or(TargetKind::kEntity);
  const auto& fields = TargetFieldNames(kind);
  const boost::json::value extra = boost::json::parse(t.extra);
  std::string tags;
  for (const std::string& tag : t.tags) tags += (tags.empty() ? "" : "、") + tag;
  const std::map<std::string, std::string> shared = {{"name", t.name},
                                                     {"code", t.code},
                                                     {"address", t.address},
                                                     {"phone", t.phone},
                                                     {"district", t.district},
                                                     {"nature", t.nature},
                                                     {"division_code", t.division_code},
                                                     {"status", t.status},
                                                     {"credit_class", t.credit_class},
                                                     {"industry_section", t.industry_section},
                                                     {"industry_division", t.industry_division},
                                                     {"tags", tags},
                                                     {"department", t.department_name}};
  // A place's derived code is not a 场所编码 the department gave: extra keeps only a given one.
  Row row;
  row.reserve(fields.size());
  for (const std::string& field : fields) {
    if (auto it = shared.find(field); it != shared.end()) {
      row.push_back(it->second);
    } else if (const auto* v = extra.is_object() ? extra.as_object().if_contains(field) : nullptr;
               v && v->is_string()) {
      row.emplace_back(v->as_string());
    } else {
      row.emplace_back();
    }
  }
  return row;
}

}  // namespace ssj::directory
