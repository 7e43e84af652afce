// Listings split in pages: the guidelines index, a term's page, the directory's index and
// facet pages. Page 1 keeps the listing's address; the others are at …/page/<n>/
// (model/urls.h), all plain links, so that every page is reached without JavaScript.
#include "model/urls.h"
#include "render/views.h"

namespace passerelle {

namespace {

/// `pattern` with "{n}" and "{count}" replaced.
std::string with_numbers(std::string pattern, size_t n, size_t count) {
  if (size_t at = pattern.find("{n}"); at != std::string::npos) pattern.replace(at, 3, std::to_string(n));
  if (size_t at = pattern.find("{count}"); at != std::string::npos) {
    pattern.replace(at, 7, std::to_string(count));
  }
  return pattern;
}

/// Page numbers shown around the current one; farther ones are left out, with a gap.
constexpr size_t kNeighbours = 2;

}  // namespace

std::vector<ListingPage> listing_pages(const std::string& listing_path, size_t entries,
                                       size_t page_size) {
  page_size = std::max<size_t>(page_size, 1);
  size_t count = listing_page_count(entries, page_size);
  std::vector<ListingPage> pages;
  for (size_t number = 1; number <= count; ++number) {
    pages.push_back({listing_path, number, count, page_size});
  }
  return pages;
}

std::string listing_page_title(const UiStrings& strings, const std::string& title,
                               const ListingPage& page) {
  if (page.number <= 1) return title;
  std::string pattern = with_numbers(strings.get("listing_page_title"), page.number, page.count);
  if (size_t at = pattern.find("{title}"); at != std::string::npos) pattern.replace(at, 7, title);
  return pattern;
}

View pagination_view(const UiStrings& strings, const ListingPage& page, PageLinks links) {
  if (page.count <= 1) return View(false);
  std::string from = page.path();
  auto href = [&](size_t number) {
    return page_url(from, listing_page_path(page.listing_path, number), links);
  };
  View numbers = View::list();
  bool gap = false;
  for (size_t number = 1; number <= page.count; ++number) {
    bool shown = number == 1 || number == page.count ||
                 (number + kNeighbours >= page.number && number <= page.number + kNeighbours);
    if (!shown) {
      if (!gap) numbers.push(View().set("gap", true));
      gap = true;
      continue;
    }
    gap = false;
    numbers.push(View().set("number", std::to_string(number))
                     .set("href", href(number))
                     .set("label", with_numbers(strings.get("page_number"), number, page.count))
                     .set("current", number == page.number));
  }
  View view;
  view.set("label", strings.get("pagination"))
      .set("status", with_numbers(strings.get("page_of"), page.number, page.count))
      .set("pages", std::move(numbers));
  if (page.number > 1) {
    view.set("previous_href", href(page.number - 1)).set("previous_label", strings.get("previous_page"));
  }
  if (page.number < page.count) {
    view.set("next_href", href(page.number + 1)).set("next_label", strings.get("next_page"));
  }
  return view;
}

std::string listing_number(size_t index) {
  std::string number = std::to_string(index + 1);
  return number.size() < 2 ? "0" + number : number;
}

}  // namespace passerelle
