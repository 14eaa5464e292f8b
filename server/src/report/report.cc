#include "report/report.h"

#include <zip.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "common/crypto.h"
#include "common/text.h"
#include "db/database.h"
#include "inspection/inspection.h"
#include "inspection/inspection_repo.h"
#include "publicity/publicity_repo.h"
#include "publicity/publicity_service.h"
#include "task/task_repo.h"

namespace ssj::report {
namespace {

using db::Query;
using db::RowInt;
using db::RowText;
namespace json = boost::json;

int64_t Count(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string Num(int64_t n) { return std::to_string(n); }

}  // namespace

const std::vector<std::pair<std::string, std::string>>& SectionTitles() {
  static const std::vector<std::pair<std::string, std::string>> titles = {
      {"overview", "一、基本情况"},
      {"findings", "二、检查发现的问题"},
      {"handling", "三、处理情况"},
      {"opinions", "四、意见和建议"}};
  return titles;
}

json::value TaskFigures(soci::session& sql, int64_t task_id) {
  const std::vector<inspection::Category> categories = inspection::repo::Categories(sql);
  std::map<std::string, const inspection::Category*> by_code;
  for (const auto& c : categories) by_code[c.code] = &c;

  json::object task;
  Query(
      "SELECT t.code, t.name, d.name, t.start_date, t.end_date FROM tasks t JOIN departments d "
      "ON d.id = t.department_id WHERE t.id = :t")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        task = {{"code", RowText(row, 0)},
                {"name", RowText(row, 1)},
                {"department_name", RowText(row, 2)},
                {"start_date", RowText(row, 3)},
                {"end_date", RowText(row, 4)}};
      });
  json::array items;
  Query(
      "SELECT p.code, p.name FROM task_items ti JOIN catalog_public p ON p.item_id = ti.item_id "
      "WHERE ti.task_id = :t ORDER BY ti.position")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        items.push_back({{"code", RowText(row, 0)}, {"name", RowText(row, 1)}});
      });
  task["items"] = std::move(items);

  // Records of the targets on the list now, with each item row's results.
  std::map<std::string, int64_t> by_status;
  std::map<int64_t, std::set<std::string>> record_codes;  // record → result codes
  std::map<int64_t, bool> handed_in;
  int64_t uninspectable = 0;
  Query(
      "SELECT r.id, r.status, r.uninspectable, ri.result_codes FROM inspections r JOIN "
      "task_targets tt ON tt.task_id = r.task_id AND tt.target_id = r.target_id LEFT JOIN "
      "inspection_items ri ON ri.inspection_id = r.id WHERE r.task_id = :t ORDER BY r.id")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        const int64_t id = RowInt(row, 0);
        const std::string status = RowText(row, 1);
        if (!handed_in.count(id)) {
          ++by_status[status];
          handed_in[id] = status != "pending" && status != "returned";
          const std::string code = RowText(row, 2);
          if (!code.empty()) {
            record_codes[id].insert(code);
            if (handed_in[id]) ++uninspectable;
          }
        }
        if (RowText(row, 2).empty()) {
          for (const std::string& c : inspection::SplitCodes(RowText(row, 3)))
            record_codes[id].insert(c);
        }
      });
  int64_t inspected = 0, problems = 0;
  std::map<std::string, int64_t> category_count;
  for (const auto& [id, in] : handed_in) {
    if (!in) continue;
    ++inspected;
    bool problem = false;
    for (const std::string& c : record_codes[id]) {
      ++category_count[c];
      problem = problem || (by_code.count(c) && by_code[c]->problem);
    }
    problems += problem;
  }
  json::array by_category;
  for (const auto& c : categories) {
    if (category_count.count(c.code)) {
      by_category.push_back({{"code", c.code},
                             {"text", c.text},
                             {"problem", c.problem},
                             {"count", category_count[c.code]}});
    }
  }
  json::array actions;
  Query(
      "SELECT a.kind, COUNT(*), SUM(CASE WHEN a.status = 'open' THEN 1 ELSE 0 END) FROM "
      "inspection_actions a JOIN inspections r ON r.id = a.inspection_id WHERE r.task_id = :t "
      "AND r.status IN ('submitted', 'reviewed', 'published') GROUP BY a.kind ORDER BY a.kind")
      .Bind("t", task_id)
      .ForEach(sql, [&](const soci::row& row) {
        actions.push_back(
            {{"kind", RowText(row, 0)}, {"count", RowInt(row, 1)}, {"open", RowInt(row, 2)}});
      });
  json::object status;
  int64_t targets = 0;
  for (const auto& [s, n] : by_status) {
    status[s] = n;
    targets += n;
  }
  return json::object{{"task", std::move(task)},
                      {"targets", targets},
                      {"by_status", std::move(status)},
                      {"inspected", inspected},
                      {"problems", problems},
                      {"uninspectable", uninspectable},
                      {"by_category", std::move(by_category)},
                      {"actions", std::move(actions)}};
}

json::object DefaultSections(const json::value& figures) {
  const json::object& f = figures.as_object();
  const json::object& task = f.at("task").as_object();
  std::string items;
  for (const json::value& i : task.at("items").as_array())
    items += (items.empty() ? "" : "、") + std::string(i.at("name").as_string());
  const int64_t inspected = Count(f, "inspected");
  std::string overview = std::string(task.at("department_name").as_string()) + "于 " +
                         std::string(task.at("start_date").as_string()) + " 至 " +
                         std::string(task.at("end_date").as_string()) + " 开展“" +
                         std::string(task.at("name").as_string()) + "”，抽查事项为" + items +
                         "。按“双随机、一公开”要求随机抽取检查对象 " + Num(Count(f, "targets")) +
                         " 户，已完成检查 " + Num(inspected) + " 户";
  if (Count(f, "uninspectable") > 0)
    overview +=
        "（其中无法开展检查、取得证据后直接形成结果的 " + Num(Count(f, "uninspectable")) + " 户）";
  overview += "。";
  std::string findings;
  if (Count(f, "problems") == 0) {
    findings = "本次抽查未发现问题。";
  } else {
    char rate[16];
    std::snprintf(rate, sizeof rate, "%.1f",
                  inspected ? static_cast<double>(Count(f, "problems")) * 100 / inspected : 0.0);
    std::string percent = rate;
    if (percent.size() > 2 && percent.substr(percent.size() - 2) == ".0")
      percent.resize(percent.size() - 2);
    findings = "检查发现存在问题的 " + Num(Count(f, "problems")) + " 户，占已检查对象的 " +
               percent + "%。按检查结果分类：";
    std::string parts;
    for (const json::value& c : f.at("by_category").as_array())
      parts += (parts.empty() ? "" : "；") + std::string(c.at("text").as_string()) + " " +
               Num(c.at("count").as_int64()) + " 户";
    findings += parts + "。";
  }
  std::string handling;
  if (f.at("actions").as_array().empty()) {
    handling = "本次抽查无需采取后续处置措施。";
  } else {
    std::string parts;
    for (const json::value& a : f.at("actions").as_array()) {
      parts += (parts.empty() ? "" : "；") + std::string(a.at("kind").as_string()) + " " +
               Num(a.at("count").as_int64()) + " 件";
      if (a.at("open").as_int64() > 0)
        parts += "（尚未办结 " + Num(a.at("open").as_int64()) + " 件）";
    }
    handling = "对检查发现的问题依法处理：" + parts + "。";
  }
  return {{"overview", overview}, {"findings", findings}, {"handling", handling}, {"opinions", ""}};
}

Result<json::object> CheckSections(const json::value& body) {
  const json::value* sections =
      body.is_object() ? body.as_object().if_contains("sections") : nullptr;
  if (!sections || !sections->is_object())
    return Error::InvalidField("sections", "请提交报告各部分的文字");
  json::object out;
  for (const auto& [key, value] : sections->as_object()) {
    const auto& titles = SectionTitles();
    auto known =
        std::find_if(titles.begin(), titles.end(), [&](const auto& t) { return t.first == key; });
    if (known == titles.end())
      return Error::InvalidField("sections", "报告没有这一部分", std::string(key).substr(0, 32));
    if (!value.is_string())
      return Error::InvalidField("sections." + std::string(key), known->second + "应为文字");
    if (Utf8Chars(value.as_string()) > 5000)
      return Error::InvalidField("sections." + std::string(key), known->second + "最多 5000 个字");
    out[key] = value;
  }
  return out;
}

std::string Html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr const char* kStyle =
    "<style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;"
    "margin:24px;color:#222}h1{text-align:center;font-size:20px}table{border-collapse:collapse;"
    "width:100%;margin:12px 0}th,td{border:1px solid #555;padding:6px 8px;font-size:13px;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3;width:120px}.hash{font-family:"
    "monospace;font-size:11px;word-break:break-all}img.sign{max-height:80px}"
    "@media print{body{margin:0}}</style>";

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Html(title) +
         "</title>" + kStyle + "</head><body>" + body + "</body></html>\n";
}

std::string Row(const std::string& label, const std::string& value) {
  return "<tr><th>" + Html(label) + "</th><td>" + Html(value) + "</td></tr>";
}

}  // namespace

std::string RecordSheet(const inspection::Record& r,
                        const std::vector<inspection::Category>& categories,
                        const std::vector<std::pair<int64_t, std::string>>& files) {
  auto text_of = [&](const std::string& code) {
    for (const auto& c : categories) {
      if (c.code == code) return c.text;
    }
    return code;
  };
  auto path_of = [&](int64_t id) {
    for (const auto& [fid, path] : files) {
      if (fid == id) return path;
    }
    return std::string();
  };
  std::string b = "<h1>“双随机、一公开”抽查情况记录表</h1>";
  b += "<p>任务：" + Html(r.task_code + " " + r.task_name) + "（" + Html(r.department_name) +
       "）；检查时间：" + Html(r.start_date + " 至 " + r.end_date) + "</p>";
  b += "<table>" + Row("主体名称", r.header.subject_name) + Row("统一社会信用代码", r.header.uscc) +
       Row("所属区县", r.header.district) + Row("证件（照）号码", r.header.licence_no) +
       Row("法定代表人", r.header.legal_rep) + Row("检查地址", r.header.address) +
       Row("联系电话", r.header.phone) + "</table>";
  if (r.uninspectable) {
    b += "<table>" + Row("无法开展检查", text_of(*r.uninspectable)) +
         Row("情况说明", r.uninspectable_note) + "</table>";
  }
  b += "<table><tr><th>检查事项</th><th>记录情况</th></tr>";
  for (const auto& i : r.items) {
    std::string results;
    for (const std::string& c : i.result_codes)
      results += (results.empty() ? "" : "、") + text_of(c);
    b += "<tr><td>" + Html(i.code + " " + i.name) + "<br>（" + Html(i.department_name) +
         "录入）</td><td>检查方式：" + Html(i.method) + "<br>检查内容：" + Html(i.checked) +
         "<br>发现的问题：" + Html(i.findings.empty() ? "无" : i.findings) + "<br>检查结果：" +
         Html(results) + "<br>处理情况：" + Html(i.handling) + "</td></tr>";
  }
  b += "</table>";
  if (!r.actions.empty()) {
    b += "<table><tr><th>后续处置</th><th>说明</th><th>期限</th></tr>";
    for (const auto& a : r.actions) {
      b += "<tr><td>" + Html(a.kind) + "</td><td>" + Html(a.detail) + "</td><td>" +
           Html(a.deadline) + "</td></tr>";
    }
    b += "</table>";
  }
  b += "<table>";
  if (r.firm.state == "signed") {
    const std::string path = r.firm.signature_id ? path_of(*r.firm.signature_id) : "";
    b += "<tr><th>被检查对象签字</th><td>" + Html(r.firm.signer) + "（" + Html(r.firm.at) + "）" +
         (path.empty() ? "" : "<br><img class=\"sign\" src=\"" + Html(path) + "\" alt=\"签字\">") +
         "</td></tr>";
  } else if (r.firm.state == "refused") {
    b += Row("被检查对象拒绝签字",
             r.firm.refusal_reason + "（见证人：" + r.firm.refusal_witness + "）");
  }
  std::string team;
  for (const auto& m : r.team) {
    team += (team.empty() ? "" : "；") + m.name + "（" + (m.slot == 0 ? "组长" : "组员") + "，" +
            m.department_name + "）" +
            (m.signed_at.empty() ? "未签字" : "签字确认于 " + m.signed_at);
  }
  b += Row("检查组签字确认", team) + "</table>";
  if (!r.attachments.empty()) {
    b += "<table><tr><th>证据材料</th><th>SHA-256</th></tr>";
    for (const auto& a : r.attachments) {
      b += "<tr><td>" + Html(path_of(a.id).empty() ? a.name : path_of(a.id)) +
           "</td><td class=\"hash\">" + Html(a.sha256) + "</td></tr>";
    }
    b += "</table>";
  }
  for (const auto& v : r.reviews) {
    b += "<p>审核：" + Html(v.decision == "approve" ? "通过" : "退回") + "，" + Html(v.by_name) +
         "，" + Html(v.at) + (v.comment.empty() ? "" : "，意见：" + Html(v.comment)) + "</p>";
  }
  return Page("检查记录 " + r.header.subject_name, b);
}

std::string NoticeSheet(const inspection::Record& r) {
  std::string team;
  for (const auto& m : r.team) team += (team.empty() ? "" : "、") + m.name;
  std::string items;
  for (const auto& i : r.items) items += (items.empty() ? "" : "、") + i.name;
  std::string b = "<h1>“双随机、一公开”检查通知书</h1>";
  b += "<p>" + Html(r.header.subject_name) + "：</p><p>根据“双随机、一公开”监管工作安排，" +
       Html(r.department_name) + "经随机抽取，将于 " + Html(r.start_date) + " 至 " +
       Html(r.end_date) + " 对你单位开展" + Html(items) + "的监督检查（任务编号 " +
       Html(r.task_code) + "）。检查人员：" + Html(team) +
       "。请予以配合，并准备相关资料。</p><p>对检查结果有异议的，可在结果公示之日起规定期限内，凭"
       "统一社会信用代码和异议验证码 <b>" +
       Html(r.verify_code) + "</b> 在公示网站提出。</p>";
  return Page("检查通知书 " + r.header.subject_name, b);
}

Result<Archive> Zip(const std::vector<std::pair<std::string, std::string>>& files,
                    const json::object& about) {
  json::array listed;
  for (const auto& [path, bytes] : files) {
    listed.push_back({{"path", path},
                      {"size", static_cast<int64_t>(bytes.size())},
                      {"sha256", Sha256Hex(bytes)}});
  }
  json::object manifest = about;
  manifest["algorithm"] = "SHA-256";
  manifest["files"] = std::move(listed);
  Archive out;
  out.manifest = json::serialize(manifest);
  out.manifest_sha256 = Sha256Hex(out.manifest);

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return Error::Internal("zip: cannot create a buffer");
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!za) {
    zip_source_free(buffer);
    return Error::Internal("zip: cannot open");
  }
  zip_source_keep(buffer);  // read back after zip_close
  auto add = [&](const std::string& path, const std::string& bytes) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    if (!s) return false;
    if (zip_file_add(za, path.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(s);
      return false;
    }
    return true;
  };
  bool ok = add("manifest.json", out.manifest);
  for (const auto& [path, bytes] : files) ok = ok && add(path, bytes);
  if (!ok || zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(buffer);
    return Error::Internal("zip: cannot write the archive");
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    return Error::Internal("zip: cannot read the archive back");
  }
  out.zip.resize(st.size);
  const zip_int64_t n = zip_source_read(buffer, out.zip.data(), st.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    return Error::Internal("zip: short read of the archive");
  return out;
}

// The archive's files: the record sheet, the notice, evidence and signature, the draw record and
// the published result with its versions.
Result<Archive> RecordArchive(soci::session& sql, const inspection::Record& r) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::pair<int64_t, std::string>> paths;
  int evidence = 0;
  for (const auto& a : r.attachments) {
    auto file = inspection::repo::AttachmentFile(sql, r.id, a.id);
    if (!file) continue;
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02d-", ++evidence);
    const std::string path =
        (a.kind == "signature" ? "签字/" : "证据/" + std::string(prefix)) + a.name;
    paths.emplace_back(a.id, path);
    files.emplace_back(path, std::move(file->second));
  }
  files.insert(files.begin(),
               {"检查记录表.html", RecordSheet(r, inspection::repo::Categories(sql), paths)});
  files.insert(files.begin() + 1, {"检查通知书.html", NoticeSheet(r)});
  const std::string record = task::repo::RecordJson(sql, r.task_id);
  if (!record.empty())
    files.emplace_back("抽取记录/" + r.task_code + "-record.json", record + "\n");
  json::array versions;
  for (const auto& v : publicity::repo::Versions(sql, r.id))
    versions.push_back(publicity::ResultJson(v));
  files.emplace_back("公示结果.json", json::serialize(versions) + "\n");
  return Zip(files, {{"record_id", r.id},
                     {"task_code", r.task_code},
                     {"target_code", r.target_code},
                     {"subject_name", r.header.subject_name}});
}

}  // namespace ssj::report
