// core/plugin_output.cpp: split_plugin_output.
#include "plugin_output.h"

#include "truncation.h"

namespace ssmview {

PluginOutputSplit split_plugin_output(std::string_view output) {
    const std::string_view title = kPluginOutputErrorTitle;
    PluginOutputSplit s;
    const std::size_t at = output.find(title);
    if (at == std::string_view::npos) {
        s.out = output;
    } else {
        s.out = output.substr(0, at);
        s.err = output.substr(at + title.size());
        for (std::size_t from = at; from != std::string_view::npos; from = output.find(title, from + 1)) ++s.titles;
    }
    s.out_cut = truncation_marker_at_end(s.out) != nullptr;
    s.err_cut = truncation_marker_at_end(s.err) != nullptr;
    return s;
}

}  // namespace ssmview
