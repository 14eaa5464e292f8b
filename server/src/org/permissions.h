// The catalogue of every permission string the server knows, as a tree for the role editor.
// Routes may only name permissions listed here (checked when the route table is built).
#pragma once

#include <string>
#include <vector>

namespace ssj::org {

struct PermissionNode {
  std::string code;  // "system", "system:user", "system:user:add"
  std::string name;  // zh-CN
  std::vector<PermissionNode> children;
};

const std::vector<PermissionNode>& PermissionTree();
// Leaf codes only: the strings that roles hold and routes require.
const std::vector<std::string>& AllPermissions();
bool IsKnownPermission(const std::string& code);

}  // namespace ssj::org
