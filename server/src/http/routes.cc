#include "http/routes.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "audit/audit_routes.h"
#include "calendar/calendar_routes.h"
#include "catalog/catalog_routes.h"
#include "ceremony/ceremony_routes.h"
#include "db/database.h"
#include "directory/directory_routes.h"
#include "exporter/export_routes.h"
#include "importer/import_routes.h"
#include "inspection/inspection_routes.h"
#include "inspectors/inspector_routes.h"
#include "org/org_routes.h"
#include "org/permissions.h"
#include "plan/plan_routes.h"
#include "policy/policy_routes.h"
#include "publicity/publicity_routes.h"
#include "report/report_routes.h"
#include "restrictions/restriction_routes.h"
#include "task/task_routes.h"

namespace ssj::http {
namespace {

void RegisterMeta(Router& router, const Router* self) {
  Route health;
  health.method = Method::kGet;
  health.pattern = "/api/v1/health";
  health.access = Access::kPublic;
  health.summary = "健康检查";
  health.group = "系统";
  health.needs_db = false;
  health.handler = [](Request& req) -> Result<Response> {
    return JsonResponse({{"status", "ok"},
                         {"db", db::BackendName(req.services->db->backend())},
                         {"version", req.services->version}});
  };
  router.Add(std::move(health));

  Route openapi;
  openapi.method = Method::kGet;
  openapi.pattern = "/api/v1/openapi.json";
  openapi.access = Access::kPublic;
  openapi.summary = "接口文档（OpenAPI 3.0，由路由表生成）";
  openapi.group = "系统";
  openapi.needs_db = false;
  openapi.handler = [self](Request& req) -> Result<Response> {
    return JsonResponse(OpenApi(*self, req.services->version));
  };
  router.Add(std::move(openapi));
}

}  // namespace

std::unique_ptr<Router> BuildRouter() {
  // On the heap: the openapi handler keeps a pointer to the table it describes.
  auto router = std::make_unique<Router>();
  RegisterMeta(*router, router.get());
  org::RegisterRoutes(*router);
  directory::RegisterRoutes(*router);
  inspectors::RegisterRoutes(*router);
  catalog::RegisterRoutes(*router);
  restrictions::RegisterRoutes(*router);
  importer::RegisterRoutes(*router);
  exporter::RegisterRoutes(*router);
  audit::RegisterRoutes(*router);
  calendar::RegisterRoutes(*router);
  policy::RegisterRoutes(*router);
  plan::RegisterRoutes(*router);
  task::RegisterRoutes(*router);
  ceremony::RegisterRoutes(*router);
  inspection::RegisterRoutes(*router);
  publicity::RegisterRoutes(*router);
  report::RegisterRoutes(*router);
  for (const Route& route : router->routes()) {
    if (route.access == Access::kPermission && !org::IsKnownPermission(route.permission)) {
      throw std::logic_error("route " + route.pattern + " names unknown permission " +
                             route.permission);
    }
  }
  return router;
}

}  // namespace ssj::http
