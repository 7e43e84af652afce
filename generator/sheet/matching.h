// Which record a row of a sheet is: the record of its id; else the record whose id or alias
// (former id) its id is, or whose name or other name (any language) its name is once case,
// accents and spaces are set aside; else a new record, whose id is made from its name.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/directory.h"

namespace passerelle {

/// The records a sheet is matched against, by what finds them.
class ActorIndex {
 public:
  explicit ActorIndex(const std::vector<ActorRecord>& records);
  /// The id of the record `id` names (its own or a former one), or nullopt.
  std::optional<std::string> by_id(const std::string& id) const;
  /// The id of the record with `name` as its name or one of its other names, or nullopt.
  std::optional<std::string> by_name(const std::string& name) const;
  /// A new id made from `name`: transliterated to ASCII, lower case, words joined by '-', at
  /// most 80 characters; "-2", "-3"… added when taken by a record or an earlier new one.
  /// "actor" when the name has no ASCII letter or digit.
  std::string new_id(const std::string& name);
  /// Makes a new record known: its id taken, its name found by by_name (a second row with the
  /// same name is the same actor).
  void add(const std::string& id, const std::string& name);
  /// Whether `id` was made known by add() rather than read from the directory.
  bool is_new(const std::string& id) const { return added_.count(id) > 0; }

 private:
  std::map<std::string, std::string> ids_;    // own and former ids → id
  std::map<std::string, std::string> names_;  // names as compared → id
  std::set<std::string> taken_;
  std::set<std::string> added_;
};

/// A name as compared: case, accents and runs of blanks set aside.
std::string name_key(const std::string& name);

/// An ASCII id from a name: letters and digits transliterated (accents dropped, œ → oe…),
/// every other run a '-', at most 80 characters cut at a '-'; empty when nothing is left.
std::string ascii_id(const std::string& name);

}  // namespace passerelle
