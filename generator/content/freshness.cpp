#include "content/freshness.h"

#include <cstdio>

#include "messages/messages.h"

namespace passerelle {

bool is_future(const PageSource& page, const std::string& today) {
  return !today.empty() && (page.date > today || page.updated > today);
}

std::string months_before(const std::string& today, int months) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(today.c_str(), "%d-%d-%d", &year, &month, &day) != 3) return today;
  int index = year * 12 + (month - 1) - months;
  year = index / 12;
  month = index % 12 + 1;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day < last ? day : last);
  return text;
}

std::string review_problem(const ActorRecord& record, const std::string& today, int months) {
  if (today.empty() || record.last_reviewed.empty()) return "";
  if (record.last_reviewed > today) {
    return format_message(tr("last_reviewed (%1$s) is in the future (today is %2$s): set the day "
                             "the record was really checked"),
                          record.last_reviewed, today);
  }
  if (months > 0 && record.last_reviewed < months_before(today, months)) {
    return format_message(trn("last_reviewed (%1$s) is more than %2$d month ago: check the record "
                              "(address, phone, services) and set today's date",
                              "last_reviewed (%1$s) is more than %2$d months ago: check the record "
                              "(address, phone, services) and set today's date",
                              static_cast<unsigned long>(months)),
                          record.last_reviewed, months);
  }
  return "";
}

std::string date_problem(const PageSource& page, const std::string& today) {
  if (today.empty()) return "";
  const bool updated = page.updated > today;
  if (page.date <= today && !updated) return "";
  const std::string& when = updated ? page.updated : page.date;
  return format_message(tr("'%1$s' (%2$s) is in the future (today is %3$s): `build` leaves the "
                           "page out until then, unless --future"),
                        updated ? "updated" : "date", when, today);
}

void check_freshness(const std::vector<PageSource>& pages, const std::vector<ActorRecord>& actors,
                     const std::string& today, int review_months, Diagnostics& diagnostics) {
  if (today.empty()) return;
  for (const auto& page : pages) {
    auto problem = date_problem(page, today);
    int line = page.updated > today ? page.updated_line : page.date_line;
    if (!problem.empty()) diagnostics.warning({page.path, line, line ? 1 : 0}, problem);
  }
  for (const auto& record : actors) {
    auto problem = review_problem(record, today, review_months);
    if (problem.empty()) continue;
    auto line = record.lines.find("last_reviewed");
    int at = line == record.lines.end() ? 0 : line->second;
    diagnostics.warning({record.path, at, at ? 1 : 0}, problem);
  }
}

}  // namespace passerelle
