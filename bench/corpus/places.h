// Real places for the synthetic actor records: cities of the regions in the repository's
// vocabulary, with coordinates, postcodes, phone prefixes and Arabic names.
#pragma once

#include <string>
#include <vector>

namespace corpus {

struct City {
  const char* name;
  const char* arabic;  // empty when none is used
  double latitude;
  double longitude;
  const char* postcode;
};

struct RegionPlaces {
  const char* region;        // key of [regions] in the vocabulary
  const char* phone_prefix;  // after the country code
  std::vector<City> cities;
};

/// The cities of a region, or nullptr when the region is not one we know.
const RegionPlaces* places_of(const std::string& region);

/// Street names, in the style of each country.
const std::vector<const char*>& moroccan_streets();
const std::vector<const char*>& italian_streets();

}  // namespace corpus
