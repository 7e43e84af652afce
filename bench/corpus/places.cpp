#include "places.h"

namespace corpus {

namespace {

const std::vector<RegionPlaces> kRegions = {
    {"rabat-sale-kenitra", "5 37",
     {{"Rabat", "الرباط", 34.0209, -6.8416, "10000"},
      {"Salé", "سلا", 34.0331, -6.7985, "11000"},
      {"Kénitra", "القنيطرة", 34.2610, -6.5802, "14000"},
      {"Témara", "تمارة", 33.9287, -6.9063, "12000"},
      {"Khémisset", "الخميسات", 33.8240, -6.0660, "15000"}}},
    {"casablanca-settat", "5 22",
     {{"Casablanca", "الدار البيضاء", 33.5731, -7.5898, "20000"},
      {"Mohammédia", "المحمدية", 33.6861, -7.3829, "28800"},
      {"Settat", "سطات", 33.0010, -7.6166, "26000"},
      {"El Jadida", "الجديدة", 33.2316, -8.5007, "24000"},
      {"Berrechid", "برشيد", 33.2655, -7.5875, "26100"}}},
    {"beni-mellal-khenifra", "5 23",
     {{"Béni Mellal", "بني ملال", 32.3373, -6.3498, "23000"},
      {"Khénifra", "خنيفرة", 32.9394, -5.6675, "54000"},
      {"Khouribga", "خريبكة", 32.8811, -6.9063, "25000"},
      {"Fquih Ben Salah", "الفقيه بن صالح", 32.5020, -6.6910, "23200"},
      {"Azilal", "أزيلال", 31.9610, -6.5710, "22000"}}},
    {"fes-meknes", "5 35",
     {{"Fès", "فاس", 34.0181, -5.0078, "30000"},
      {"Meknès", "مكناس", 33.8935, -5.5473, "50000"},
      {"Taza", "تازة", 34.2100, -4.0100, "35000"},
      {"Ifrane", "إفران", 33.5228, -5.1100, "53000"},
      {"Sefrou", "صفرو", 33.8300, -4.8350, "31000"}}},
    {"oriental", "5 36",
     {{"Oujda", "وجدة", 34.6814, -1.9086, "60000"},
      {"Nador", "الناظور", 35.1681, -2.9335, "62000"},
      {"Berkane", "بركان", 34.9200, -2.3200, "63300"},
      {"Taourirt", "تاوريرت", 34.4073, -2.8973, "65800"},
      {"Jerada", "جرادة", 34.3100, -2.1600, "61000"}}},
    {"lazio", "06",
     {{"Roma", "روما", 41.9028, 12.4964, "00100"},
      {"Latina", "", 41.4676, 12.9037, "04100"},
      {"Frosinone", "", 41.6396, 13.3510, "03100"},
      {"Viterbo", "", 42.4207, 12.1077, "01100"},
      {"Rieti", "", 42.4040, 12.8620, "02100"}}},
    {"lombardia", "02",
     {{"Milano", "ميلانو", 45.4642, 9.1900, "20100"},
      {"Bergamo", "برغامو", 45.6983, 9.6773, "24100"},
      {"Brescia", "بريشيا", 45.5416, 10.2118, "25100"},
      {"Como", "", 45.8081, 9.0852, "22100"},
      {"Varese", "", 45.8206, 8.8251, "21100"}}},
    {"toscana", "055",
     {{"Firenze", "فلورنسا", 43.7696, 11.2558, "50100"},
      {"Pisa", "بيزا", 43.7228, 10.4017, "56100"},
      {"Prato", "", 43.8777, 11.1022, "59100"},
      {"Livorno", "", 43.5485, 10.3106, "57100"},
      {"Siena", "", 43.3188, 11.3308, "53100"}}},
    {"piemonte", "011",
     {{"Torino", "تورينو", 45.0703, 7.6869, "10100"},
      {"Novara", "", 45.4469, 8.6219, "28100"},
      {"Asti", "", 44.9008, 8.2064, "14100"},
      {"Cuneo", "", 44.3845, 7.5427, "12100"},
      {"Alessandria", "", 44.9133, 8.6150, "15100"}}},
    {"emilia-romagna", "051",
     {{"Bologna", "بولونيا", 44.4949, 11.3426, "40100"},
      {"Modena", "", 44.6471, 10.9252, "41100"},
      {"Parma", "", 44.8015, 10.3279, "43100"},
      {"Reggio Emilia", "", 44.6989, 10.6297, "42100"},
      {"Rimini", "", 44.0678, 12.5695, "47900"}}},
};

const std::vector<const char*> kMoroccanStreets = {
    "rue Mohammed V",        "avenue Hassan II",      "rue Ibn Khaldoun",
    "boulevard Al Massira",  "rue des Orangers",      "avenue Allal Ben Abdellah",
    "rue Moulay Youssef",    "boulevard de la Liberté", "rue Ibn Sina",
    "avenue des FAR",        "rue Oued Sebou",        "boulevard Zerktouni",
};

const std::vector<const char*> kItalianStreets = {
    "Via Garibaldi",      "Via Mazzini",           "Corso Cavour",   "Via Dante Alighieri",
    "Via Roma",           "Via XX Settembre",      "Piazza Verdi",   "Via Manzoni",
    "Viale della Repubblica", "Via Gramsci",       "Via Matteotti",  "Corso Vittorio Emanuele",
};

}  // namespace

const RegionPlaces* places_of(const std::string& region) {
  for (const auto& places : kRegions) {
    if (region == places.region) return &places;
  }
  return nullptr;
}

const std::vector<const char*>& moroccan_streets() { return kMoroccanStreets; }
const std::vector<const char*>& italian_streets() { return kItalianStreets; }

}  // namespace corpus
