// The data a template sees: a small tree of strings, flags, lists and objects. Views are built
// by plain functions of the site model and handed to the template engine; keeping this type
// separate keeps the Mustache library inside one file.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace passerelle {

class View {
 public:
  enum class Kind { kString, kBool, kList, kObject };

  View() : kind_(Kind::kObject) {}
  // Moved, never copied: a copy of a list of cards is a copy of every card, and copies of
  // the directory's listings were a tenth of a build's peak memory.
  View(const View&) = delete;
  View& operator=(const View&) = delete;
  View(View&&) = default;
  View& operator=(View&&) = default;
  View(std::string text) : kind_(Kind::kString), text_(std::move(text)) {}  // NOLINT
  View(const char* text) : kind_(Kind::kString), text_(text) {}            // NOLINT
  View(bool flag) : kind_(Kind::kBool), flag_(flag) {}                      // NOLINT
  static View list() {
    View view;
    view.kind_ = Kind::kList;
    return view;
  }

  /// Sets a field of an object view and returns the view, for chaining. On a temporary
  /// (View().set(…).set(…)) the chain stays a temporary, so that it can be moved on.
  View& set(const std::string& key, View value) & {
    fields_[key] = std::move(value);
    return *this;
  }
  View&& set(const std::string& key, View value) && { return std::move(set(key, std::move(value))); }
  /// Appends an item to a list view.
  View& push(View value) & {
    items_.push_back(std::move(value));
    return *this;
  }
  View&& push(View value) && { return std::move(push(std::move(value))); }

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<View>& items() const { return items_; }
  const std::map<std::string, View>& fields() const { return fields_; }
  bool empty() const { return items_.empty(); }

 private:
  Kind kind_;
  std::string text_;
  bool flag_ = false;
  std::vector<View> items_;
  std::map<std::string, View> fields_;
};

}  // namespace passerelle
