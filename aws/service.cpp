// aws/service.cpp: the service catalogue (see service.h for why it is one table).
//
// Index
//   kSsm, kLogs, kS3   the entries
//   find_service       lookup by ssmview id
#include "service.h"

#include "logs_api.h"  // kLogsTargetService, kLogsContentType
#include "ssm_api.h"   // kSsmTargetService, kSsmContentType: the protocols' names live in the core

namespace ssmview::aws {

const ServiceInfo kSsm{"ssm", "ssm", "ssm", "SSM", "ssm", kSsmTargetService, kSsmContentType, false, true};
const ServiceInfo kLogs{"logs", "logs", "logs", "CLOUDWATCH_LOGS", "cloudwatch_logs", kLogsTargetService,
                        kLogsContentType, false, true};
const ServiceInfo kS3{"s3", "s3", "s3", "S3", "s3", "", "", true, false};

const ServiceInfo* find_service(std::string_view id) {
    for (const ServiceInfo* s : {&kSsm, &kLogs, &kS3})
        if (id == s->id) return s;
    return nullptr;
}

}  // namespace ssmview::aws
