#include "org/permissions.h"

#include <algorithm>

namespace ssj::org {
namespace {

PermissionNode Leaf(std::string code, std::string name) {
  return {std::move(code), std::move(name), {}};
}

void CollectLeaves(const PermissionNode& node, std::vector<std::string>* out) {
  if (node.children.empty()) out->push_back(node.code);
  for (const auto& child : node.children) CollectLeaves(child, out);
}

}  // namespace

const std::vector<PermissionNode>& PermissionTree() {
  static const std::vector<PermissionNode> kTree = {
      {"system",
       "系统管理",
       {
           {"system:dept",
            "部门管理",
            {Leaf("system:dept:list", "查看部门"), Leaf("system:dept:add", "新增部门"),
             Leaf("system:dept:edit", "修改部门"), Leaf("system:dept:remove", "删除部门")}},
           {"system:user",
            "用户管理",
            {Leaf("system:user:list", "查看用户"), Leaf("system:user:add", "新增用户"),
             Leaf("system:user:edit", "修改用户"), Leaf("system:user:reset-password", "重置密码")}},
           {"system:role",
            "角色管理",
            {Leaf("system:role:list", "查看角色"), Leaf("system:role:add", "新增角色"),
             Leaf("system:role:edit", "修改角色"), Leaf("system:role:remove", "删除角色")}},
           {"system:calendar", "工作日历", {Leaf("system:calendar:edit", "录入节假日安排")}},
           {"system:policy", "制度模板", {Leaf("system:policy:edit", "选用和调整制度模板")}},
       }},
      {"directory",
       "一单两库",
       {
           {"directory:target",
            "检查对象名录库",
            {Leaf("directory:target:list", "查看检查对象"),
             Leaf("directory:target:add", "登记检查对象"),
             Leaf("directory:target:edit", "修改检查对象"),
             Leaf("directory:target:import", "导入检查对象"),
             Leaf("directory:target:export", "导出检查对象")}},
           {"directory:inspector",
            "执法检查人员名录库",
            {Leaf("directory:inspector:list", "查看人员"),
             Leaf("directory:inspector:add", "登记人员"),
             Leaf("directory:inspector:edit", "修改人员"),
             Leaf("directory:inspector:import", "导入人员"),
             Leaf("directory:inspector:export", "导出人员")}},
           {"directory:conflict",
            "利害关系",
            {Leaf("directory:conflict:list", "查看利害关系"),
             Leaf("directory:conflict:add", "登记利害关系"),
             Leaf("directory:conflict:edit", "撤销利害关系"),
             Leaf("directory:conflict:import", "导入利害关系"),
             Leaf("directory:conflict:export", "导出利害关系")}},
           {"directory:exemption",
            "免检免扰",
            {Leaf("directory:exemption:list", "查看免检名单"),
             Leaf("directory:exemption:add", "登记免检"),
             Leaf("directory:exemption:edit", "撤销免检"),
             Leaf("directory:exemption:import", "导入免检名单"),
             Leaf("directory:exemption:export", "导出免检名单")}},
       }},
      {"catalog",
       "抽查事项清单",
       {
           {"catalog:item",
            "抽查事项",
            {Leaf("catalog:item:list", "查看抽查事项"), Leaf("catalog:item:add", "新增抽查事项"),
             Leaf("catalog:item:edit", "修改抽查事项"),
             Leaf("catalog:item:publish", "发布和停用抽查事项"),
             Leaf("catalog:item:import", "导入抽查事项"),
             Leaf("catalog:item:export", "导出抽查事项")}},
       }},
      {"plan",
       "抽查计划",
       {
           {"plan:annual",
            "年度抽查工作计划",
            {Leaf("plan:annual:list", "查看年度计划"), Leaf("plan:annual:add", "新增年度计划"),
             Leaf("plan:annual:edit", "修改和调整年度计划"),
             Leaf("plan:annual:submit", "提交年度计划审批"),
             Leaf("plan:annual:approve", "审批年度计划"),
             Leaf("plan:annual:publish", "公开年度计划")}},
       }},
      {"task",
       "抽查任务",
       {
           {"task:task",
            "抽查任务",
            {Leaf("task:task:list", "查看抽查任务"), Leaf("task:task:add", "新建抽查任务"),
             Leaf("task:task:edit", "修改抽查任务")}},
           {"task:draw",
            "抽取仪式",
            {Leaf("task:draw:commit", "冻结抽取范围、公布承诺值"),
             Leaf("task:draw:run", "登记见证人、执行抽取"),
             Leaf("task:draw:confirm", "确认锁定抽取名单")}},
           {"task:change",
            "名单变更",
            {Leaf("task:change:request", "申请变更名单或作废抽取"),
             Leaf("task:change:approve", "审批名单变更和作废（负责人）")}},
       }},
      {"inspection",
       "检查与公示",
       {
           {"inspection:record",
            "检查记录",
            {Leaf("inspection:record:list", "查看任务的检查记录"),
             Leaf("inspection:record:review", "审核检查记录（通过或退回）")}},
           {"inspection:result",
            "结果公示",
            {Leaf("inspection:result:publish", "公示检查结果"),
             Leaf("inspection:result:correct", "申请更正已公示的结果"),
             Leaf("inspection:result:approve", "审批结果更正（负责人）")}},
           {"inspection:objection",
            "异议处理",
            {Leaf("inspection:objection:handle", "复查异议、反馈当事人")}},
           {"inspection:followup",
            "后续处置",
            {Leaf("inspection:followup:edit", "办结后续处置（整改复查、移送等）")}},
           {"inspection:report",
            "报告与归档",
            {Leaf("inspection:report:edit", "编辑、定稿抽查情况报告，归档检查档案")}},
       }},
      {"monitor",
       "日志审计",
       {
           {"system:audit", "操作日志", {Leaf("system:audit:list", "查看操作日志")}},
           {"system:loginlog", "登录日志", {Leaf("system:loginlog:list", "查看登录日志")}},
       }},
  };
  return kTree;
}

const std::vector<std::string>& AllPermissions() {
  static const std::vector<std::string> kAll = [] {
    std::vector<std::string> out;
    for (const auto& node : PermissionTree()) CollectLeaves(node, &out);
    return out;
  }();
  return kAll;
}

bool IsKnownPermission(const std::string& code) {
  const auto& all = AllPermissions();
  return std::find(all.begin(), all.end(), code) != all.end();
}

}  // namespace ssj::org
