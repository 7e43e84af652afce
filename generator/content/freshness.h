// Dates that are right for the computer but wrong for a reader: a guideline dated in the
// future (published as "Publié le 1er janvier 2035"), an actor record last reviewed long ago
// or in the future. "Today" is passed in, never read here, so that the same sources and the
// same day always give the same result (and tests choose the day).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/directory.h"
#include "content/pages.h"

namespace passerelle {

/// True when the page's `date` or `updated` is after `today` (YYYY-MM-DD).
bool is_future(const PageSource& page, const std::string& today);

/// `today` moved back `months` months (the day clamped to the month's length), YYYY-MM-DD.
std::string months_before(const std::string& today, int months);

/// Why the record's `last_reviewed` needs a look: older than `months` months before `today`,
/// or after `today`; "" when it is fine.
std::string review_problem(const ActorRecord& record, const std::string& today, int months);

/// Why the page's dates need a look (a date or update after `today`); "" when they are fine.
std::string date_problem(const PageSource& page, const std::string& today);

/// A warning for each page with a future date and each record whose review is stale or in the
/// future; nothing when `today` is empty.
void check_freshness(const std::vector<PageSource>& pages, const std::vector<ActorRecord>& actors,
                     const std::string& today, int review_months, Diagnostics& diagnostics);

}  // namespace passerelle
