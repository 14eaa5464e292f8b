// Reports of the inspection (file 001 Art. 14; file 004 Art. 15 and 19): the report of a task
// (抽查情况报告) with its figures computed from the records and its text sections edited until
// finalised; each target's archive (一对象一档案) as a zip with a manifest of SHA-256 hashes; and
// the year's summary per department, item, district and industry.
#pragma once

#include <soci/soci.h>

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "inspection/inspection_types.h"
#include "org/org_types.h"

namespace ssj::report {

inline constexpr const char* kEditPermission = "inspection:report:edit";

// The figures of a task's report, from its records now: targets, records by state, how many
// were inspected (handed in), with a problem, could not be inspected; results by category;
// follow-up actions by kind (open ones counted).
boost::json::value TaskFigures(soci::session& sql, int64_t task_id);
// The text sections a report starts from, written from the figures: 基本情况, 检查发现,
// 处理情况, 意见建议 (the last for the office to write).
boost::json::object DefaultSections(const boost::json::value& figures);
// The section keys, in the report's order, and their titles.
const std::vector<std::pair<std::string, std::string>>& SectionTitles();
// Checks sections an office sends: known keys, text up to 5,000 characters each.
Result<boost::json::object> CheckSections(const boost::json::value& body);

// Escapes text for HTML.
std::string Html(const std::string& text);
// The printable record sheet (表 F.1) of a record, as a standalone HTML page; `files` maps
// attachment ids to their paths in the archive.
std::string RecordSheet(const inspection::Record& record,
                        const std::vector<inspection::Category>& categories,
                        const std::vector<std::pair<int64_t, std::string>>& files);
// The inspection notice (检查通知书) with the firm's objection code.
std::string NoticeSheet(const inspection::Record& record);

// A zip of `files` (path, bytes), plus manifest.json listing each file's size and SHA-256.
// Returns the zip and the manifest's own SHA-256.
struct Archive {
  std::string zip;
  std::string manifest;
  std::string manifest_sha256;
};
Result<Archive> Zip(const std::vector<std::pair<std::string, std::string>>& files,
                    const boost::json::object& about);
// The archive of a record: 检查记录表.html, 检查通知书.html, 证据/…, 签字/…, the task's draw
// record and the result's public versions (公示结果.json).
Result<Archive> RecordArchive(soci::session& sql, const inspection::Record& record);

}  // namespace ssj::report
