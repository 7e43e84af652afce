// Per-language word lists the analyzer needs besides Unicode and stemming.
#pragma once

#include <string>
#include <vector>

namespace passerelle::search {

/// Function words left out of the index (not yet folded). Empty for unknown languages.
std::vector<std::string> stop_words_for(const std::string& language);

/// Articles that are elided with an apostrophe ("l", "qu", "dell"). Empty for unknown languages.
std::vector<std::string> elisions_for(const std::string& language);

}  // namespace passerelle::search
