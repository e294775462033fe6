// tests/aws/endpoint_tool.cpp: print our regional endpoint for "service region fips" lines.
//
// Index
//   main   "ssm us-east-1 1" -> "https://ssm-fips.us-east-1.amazonaws.com"
// endpoint_botocore.py compares the answers with botocore's endpoint resolver and its
// endpoints.json, for every region botocore knows.
#include <iostream>
#include <sstream>
#include <string>

#include "endpoint.h"
#include "region.h"

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string service, region;
        int fips = 0;
        in >> service >> region >> fips;
        const ssmview::aws::ServiceInfo* s = ssmview::aws::find_service(service);
        if (!s || !ssmview::aws::valid_region_name(region)) {
            std::cout << "error\n";
            continue;
        }
        std::cout << ssmview::aws::regional_endpoint(*s, region, fips != 0).url() << '\n';
    }
    return 0;
}
