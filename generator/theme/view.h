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
  View(std::string text) : kind_(Kind::kString), text_(std::move(text)) {}  // NOLINT
  View(const char* text) : kind_(Kind::kString), text_(text) {}            // NOLINT
  View(bool flag) : kind_(Kind::kBool), flag_(flag) {}                      // NOLINT
  static View list() {
    View view;
    view.kind_ = Kind::kList;
    return view;
  }

  /// Sets a field of an object view and returns the view, for chaining.
  View& set(const std::string& key, View value) {
    fields_[key] = std::move(value);
    return *this;
  }
  /// Appends an item to a list view.
  View& push(View value) {
    items_.push_back(std::move(value));
    return *this;
  }

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
