#include <catch2/catch.hpp>

#include "base/content_hash.h"

using namespace passerelle;

TEST_CASE("content_hash is stable, short and depends on every byte") {
  // Published asset names and the search index version are made of these exact values.
  CHECK(content_hash("") == "14650fb073");
  CHECK(content_hash("abc") == "e16801510d");
  CHECK(content_hash("abd") == "e167fa510d");
  // Adding in pieces hashes the concatenation.
  ContentHash pieces;
  pieces.add("a");
  pieces.add("bc");
  CHECK(pieces.short_hex() == "e16801510d");
}
