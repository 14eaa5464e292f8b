#include "cli/draw_commands.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_common.h"
#include "common/crypto.h"
#include "draw/draw.h"
#include "draw/draw_json.h"
#include "draw/encoding.h"

namespace ssj::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

struct Loaded {
  json::value request_json;
  draw::Request request;
  std::string pool_sha256;
};

// Parses the request JSON; a CSV pool is read relative to `base_dir`.
int Load(const std::string& text, const fs::path& base_dir, const json::value* given, Loaded* out) {
  boost::system::error_code ec;
  if (!given) {
    if (auto dup = draw::CheckNoDuplicateKeys(text); !dup.ok()) return FailWith(dup.error());
  }
  out->request_json = given ? *given : json::parse(text, ec);
  if (ec) return Fail(1, "请求不是有效的 JSON（或含有无效的 UTF-8）: " + ec.message());
  std::string csv;
  const std::string* csv_ptr = nullptr;
  if (out->request_json.is_object()) {
    const json::value* csv_name = out->request_json.get_object().if_contains("targets_csv");
    if (csv_name && csv_name->is_string()) {
      fs::path csv_path = base_dir / std::string(csv_name->get_string());
      if (!ReadFile(csv_path, &csv))
        return Fail(2, "无法读取检查对象 CSV 文件: " + csv_path.string());
      out->pool_sha256 = Sha256Hex(csv);
      csv_ptr = &csv;
    }
  }
  auto request = draw::ParseRequest(out->request_json, csv_ptr);
  if (!request.ok()) return FailWith(request.error());
  out->request = std::move(request).value();
  return 0;
}

}  // namespace

int DrawCommand(const std::string& request_path, const std::string& out) {
  std::string text;
  if (!ReadFile(request_path, &text)) return Fail(2, "无法读取请求文件: " + request_path);
  Loaded loaded;
  if (int rc = Load(text, fs::path(request_path).parent_path(), nullptr, &loaded)) return rc;
  auto outcome = draw::Draw(loaded.request);
  if (!outcome.ok()) return FailWith(outcome.error());
  json::value record = draw::RecordJson(loaded.request_json, *outcome, loaded.pool_sha256,
                                        std::string("ssj ") + SSJ_VERSION);
  // Write beside the target and rename, so a failed write never leaves half a record.
  std::string tmp = out + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file << json::serialize(record) << "\n";
    if (!file) {
      fs::remove(tmp);
      return Fail(2, "无法写入记录文件: " + out);
    }
  }
  fs::rename(tmp, out);
  uint64_t selected = 0;
  for (const auto& s : outcome->strata) selected += s.selected.size();
  std::cout << "抽取完成: 任务 " << loaded.request.task_id << "，" << outcome->strata.size()
            << " 个分层，共抽中 " << selected << " 个检查对象";
  if (!outcome->teams.empty()) std::cout << "，组成 " << outcome->teams.size() << " 个检查组";
  std::cout << "\n种子 " << draw::Hex(outcome->seed) << "\n记录已写入 " << out << "\n";
  return 0;
}

int DrawExample() {
  std::cout << json::serialize(draw::ExampleRequest()) << "\n";
  return 0;
}

int VerifyCommand(const std::string& record_path) {
  std::string text;
  if (!ReadFile(record_path, &text)) return Fail(2, "无法读取记录文件: " + record_path);
  if (auto dup = draw::CheckNoDuplicateKeys(text); !dup.ok()) return FailWith(dup.error());
  boost::system::error_code ec;
  json::value record = json::parse(text, ec);
  if (ec || !record.is_object()) return Fail(1, "记录不是有效的 JSON 对象");
  const json::value* protocol = record.get_object().if_contains("protocol");
  if (!protocol || *protocol != draw::kProtocol)
    return Fail(1, "不支持的协议版本（本程序支持 ssj-draw/1）");
  const json::value* request = record.get_object().if_contains("request");
  if (!request) return Fail(1, "记录中缺少 request");
  Loaded loaded;
  if (int rc = Load("", fs::path(record_path).parent_path(), request, &loaded)) return rc;
  auto outcome = draw::Draw(loaded.request);
  if (!outcome.ok()) return FailWith(outcome.error());
  json::value recomputed = draw::RecordJson(loaded.request_json, *outcome, loaded.pool_sha256, "");
  std::string diff = draw::FirstDifference(record, recomputed);
  if (!diff.empty()) {
    std::cout << "校验失败: 记录与按协议重新计算的结果不一致\n第一处差异 " << diff << "\n";
    return 1;
  }
  uint64_t selected = 0;
  std::cout << "校验通过: 任务 " << loaded.request.task_id << "，种子 " << draw::Hex(outcome->seed)
            << "\n";
  for (const auto& s : outcome->strata) {
    selected += s.selected.size();
    std::cout << "  分层 " << s.id << ": 共 " << s.population << " 个，抽取 " << s.k << " 个，备选 "
              << s.reserves.size() << " 个\n";
  }
  std::cout << "  共抽中 " << selected << " 个检查对象，检查组 " << outcome->teams.size()
            << " 个，全部可复现\n";
  return 0;
}

}  // namespace ssj::cli
