// Photos made ready for the web (content/pictures.h): their sizes, formats and metadata, read
// back from the bytes the build would publish, and by exiftool, a reader other than libvips.
#include <catch2/catch.hpp>
#include <vips/vips8>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "content/media.h"
#include "content/pictures.h"
#include "fixture_site.h"
#include "test_support.h"

using namespace passerelle;
using vips::VImage;

namespace {

/// A photo-like picture (smooth noise, not flat colour) of `bands` bands.
VImage noise_picture(int width, int height, int bands) {
  start_libvips();
  VImage grey = VImage::perlin(width, height, VImage::option()->set("cell_size", 64))
                    .linear(120, 128)
                    .cast(VIPS_FORMAT_UCHAR);
  VImage picture = grey;
  for (int band = 1; band < bands; ++band) picture = picture.bandjoin(grey.invert());
  return picture;
}

std::string blob_bytes(VipsBlob* blob) {
  size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  std::string bytes(static_cast<const char*>(data), length);
  vips_area_unref(VIPS_AREA(blob));
  return bytes;
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

/// What exiftool reads of a file's EXIF, XMP, GPS and maker tags: nothing, for a clean file.
std::string exiftool_metadata(const std::filesystem::path& path) {
  std::string command = "exiftool -q -q -s -EXIF:all -XMP:all -GPS:all -MakerNotes:all '" +
                        path.string() + "' 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  REQUIRE(pclose(pipe) == 0);  // exiftool is installed by scripts/dependencies.sh test
  return output;
}

/// A JPEG from a camera: 2400 × 1600, with the place it was taken and the camera's serial.
std::string camera_jpeg(const std::filesystem::path& folder) {
  auto path = folder / "camera.jpg";
  write_file(path, blob_bytes(noise_picture(2400, 1600, 3).jpegsave_buffer(
                       VImage::option()->set("Q", 90))));
  std::string command = "exiftool -q -overwrite_original -GPSLatitude=32.88 -GPSLatitudeRef=N "
                        "-GPSLongitude=6.9 -GPSLongitudeRef=W -SerialNumber=SN-4711 -Make=Camera '" +
                        path.string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  REQUIRE_THAT(exiftool_metadata(path), Catch::Contains("GPSLatitude"));
  return test_support::read_file(path);
}

std::vector<std::string> widths_and_extensions(const Picture& picture) {
  std::vector<std::string> found;
  for (const auto& variant : picture.variants) {
    found.push_back(std::to_string(variant.width) + "." + variant.extension);
  }
  return found;
}

}  // namespace

TEST_CASE("photos are published at 480, 960 and 1600 pixels, never wider than they are") {
  CHECK(published_widths(4000) == std::vector<int>{480, 960, 1600});
  CHECK(published_widths(1600) == std::vector<int>{480, 960, 1600});
  CHECK(published_widths(1000) == std::vector<int>{480, 960, 1000});
  CHECK(published_widths(960) == std::vector<int>{480, 960});
  CHECK(published_widths(300) == std::vector<int>{300});
  PictureVariant small{480, 320, "webp", nullptr};
  CHECK(variant_path("fr/x/atelier.JPG", small, false) == "fr/x/atelier-480.webp");
  CHECK(variant_path("fr/x/atelier.JPG", {1600, 1067, "JPG", nullptr}, true) == "fr/x/atelier.JPG");
}

TEST_CASE("a camera's JPEG is published in three widths, as JPEG and WebP, without metadata") {
  auto folder = test_support::fresh_folder("pictures-camera");
  std::string jpeg = camera_jpeg(folder);
  Picture picture;
  REQUIRE(prepare_picture("content/fr/atelier.jpg", jpeg, "", picture) == "");
  CHECK(widths_and_extensions(picture) ==
        std::vector<std::string>{"480.jpg", "480.webp", "960.jpg", "960.webp", "1600.jpg", "1600.webp"});
  CHECK(picture.width == 1600);
  CHECK(picture.height == 1067);
  for (const auto& variant : picture.variants) {
    INFO(variant.width << "." << variant.extension);
    CHECK(variant.height == (variant.width * 1600 + 1200) / 2400);
    CHECK(photo_metadata("x." + variant.extension, *variant.bytes) == "");
    CHECK(variant.bytes->find("SN-4711") == std::string::npos);
    auto written = folder / ("out-" + std::to_string(variant.width) + "." + variant.extension);
    write_file(written, *variant.bytes);
    CHECK(exiftool_metadata(written) == "");
    VImage read = VImage::new_from_file(written.c_str());
    CHECK(read.width() == variant.width);
    CHECK(read.get_string(VIPS_META_LOADER) ==
          std::string(variant.extension == "webp" ? "webpload" : "jpegload"));
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("a PNG keeps its transparency in both formats, and a WebP stays WebP") {
  std::string png = blob_bytes(noise_picture(700, 500, 4).pngsave_buffer());
  Picture picture;
  REQUIRE(prepare_picture("logo.png", png, "", picture) == "");
  CHECK(widths_and_extensions(picture) ==
        std::vector<std::string>{"480.png", "480.webp", "700.png", "700.webp"});
  for (const auto& variant : picture.variants) {
    VImage read = VImage::new_from_buffer(variant.bytes->data(), variant.bytes->size(), "");
    CHECK(read.has_alpha());
  }
  std::string webp = blob_bytes(noise_picture(1200, 800, 3).webpsave_buffer());
  REQUIRE(prepare_picture("vue.webp", webp, "", picture) == "");
  CHECK(widths_and_extensions(picture) == std::vector<std::string>{"480.webp", "960.webp", "1200.webp"});
}

TEST_CASE("a photo taken sideways is published upright, its size as shown") {
  auto folder = test_support::fresh_folder("pictures-rotated");
  auto path = folder / "sideways.jpg";
  write_file(path, blob_bytes(noise_picture(600, 400, 3).jpegsave_buffer()));
  REQUIRE(std::system(("exiftool -q -overwrite_original -Orientation=6 -n '" + path.string() + "'").c_str()) == 0);
  Picture picture;
  REQUIRE(prepare_picture("sideways.jpg", test_support::read_file(path), "", picture) == "");
  CHECK(picture.width == 400);
  CHECK(picture.height == 600);
  std::filesystem::remove_all(folder);
}

TEST_CASE("damaged pictures and decompression bombs are refused before they are decoded") {
  std::string jpeg = blob_bytes(noise_picture(800, 600, 3).jpegsave_buffer());
  Picture picture;
  CHECK_THAT(prepare_picture("cut.jpg", jpeg.substr(0, jpeg.size() / 2), "", picture),
             Catch::Contains("damaged or cut short"));
  std::string png = blob_bytes(noise_picture(800, 600, 1).pngsave_buffer());
  CHECK_THAT(prepare_picture("cut.png", png.substr(0, png.size() * 2 / 3), "", picture),
             Catch::Contains("damaged or cut short"));
  // 30,000 × 30,000 black pixels in 107 KB: decoded, 900 megapixels.
  std::string bomb = test_support::read_file(
      std::string(PASSERELLE_FIXTURES) +
      "/../e2e/cases/media-damaged-pictures/files/content/fr/guidelines/bombe.png");
  REQUIRE(bomb.size() < 200'000);
  CHECK_THAT(prepare_picture("bombe.png", bomb, "", picture),
             Catch::Contains("30000 × 30000 pixels, more than the 100 megapixels"));
  // A GIF named .png is read as what its name says, or refused.
  std::string gif = blob_bytes(noise_picture(40, 30, 1).gifsave_buffer());
  CHECK_THAT(prepare_picture("x.png", gif, "", picture), Catch::Contains("gifload"));
}

TEST_CASE("variants come from the cache when they are there, and are made again when not") {
  auto cache = test_support::fresh_folder("pictures-cache");
  std::string png = blob_bytes(noise_picture(700, 500, 3).pngsave_buffer());
  Picture first;
  REQUIRE(prepare_picture("a.png", png, cache.string(), first) == "");
  size_t cached = 0;
  std::filesystem::path small_webp;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) {
    ++cached;
    if (entry.path().string().find("-480.webp") != std::string::npos) small_webp = entry.path();
  }
  CHECK(cached == first.variants.size());
  // Same bytes without the cache: the output does not depend on it.
  Picture uncached;
  REQUIRE(prepare_picture("a.png", png, "", uncached) == "");
  for (size_t i = 0; i < first.variants.size(); ++i) {
    CHECK(*first.variants[i].bytes == *uncached.variants[i].bytes);
  }
  // A cached file is what the next build publishes: this one is marked to tell.
  REQUIRE_FALSE(small_webp.empty());
  std::string marked = blob_bytes(noise_picture(480, 343, 3).invert().webpsave_buffer());
  write_file(small_webp, marked);
  Picture second;
  REQUIRE(prepare_picture("a.png", png, cache.string(), second) == "");
  CHECK(*second.variants[1].bytes == marked);
  // An unreadable cached file is made again.
  write_file(small_webp, "not a picture");
  Picture third;
  REQUIRE(prepare_picture("a.png", png, cache.string(), third) == "");
  CHECK(*third.variants[1].bytes == *first.variants[1].bytes);
  std::filesystem::remove_all(cache);
}

TEST_CASE("a drawing's size comes from its width and height, else its viewBox") {
  Picture picture;
  REQUIRE(prepare_picture("a.svg", "<svg xmlns='x' width=\"360px\" height='120'/>", "", picture) == "");
  CHECK((picture.width == 360 && picture.height == 120));
  REQUIRE(prepare_picture("a.svg", "<svg width=\"100%\" viewBox=\"0 0 480.4 119.6\"/>", "", picture) == "");
  CHECK((picture.width == 480 && picture.height == 120));
  REQUIRE(prepare_picture("a.svg", "<svg/>", "", picture) == "");
  CHECK((picture.width == 0 && picture.height == 0));
}

TEST_CASE("a page shows a photo with srcset, WebP first, and its size; print takes the largest") {
  auto folder = test_support::fresh_folder("pictures-page");
  std::string jpeg = camera_jpeg(folder);
  std::filesystem::remove_all(folder);
  auto built = test_support::build_fixture({
      {"content/fr/guidelines/atelier/index.md",
       "+++\ntitle = \"L'atelier\"\nsummary = \"x\"\ndate = 2026-10-03\n+++\n"
       "![Un atelier de couture](photo.jpg \"L'atelier en 2026\")\n"},
      {"content/fr/guidelines/atelier/photo.jpg", jpeg},
  });
  INFO(built.errors());
  REQUIRE(built.result);
  const std::string& page = built.file("fr/lignes-directrices/atelier/index.html");
  CHECK_THAT(page, Catch::Contains(
      "<figure><picture><source type=\"image/webp\" srcset=\"photo-480.webp 480w, "
      "photo-960.webp 960w, photo.webp 1600w\" sizes=\"(min-width: 44rem) 40rem, 100vw\">"
      "<img src=\"photo.jpg\" srcset=\"photo-480.jpg 480w, photo-960.jpg 960w, photo.jpg 1600w\" "
      "sizes=\"(min-width: 44rem) 40rem, 100vw\" width=\"1600\" height=\"1067\" "
      "alt=\"Un atelier de couture\""));
  CHECK_THAT(page, Catch::Contains("</picture><figcaption>L&#39;atelier en 2026</figcaption></figure>"));
  for (const char* name : {"photo-480.jpg", "photo-480.webp", "photo-960.jpg", "photo-960.webp",
                           "photo.jpg", "photo.webp"}) {
    INFO(name);
    CHECK(photo_metadata(name, built.file(std::string("fr/lignes-directrices/atelier/") + name)) == "");
  }
  CHECK(built.file("fr/lignes-directrices/atelier/photo.jpg") != jpeg);  // never the original
  const std::string& print = built.file("fr/lignes-directrices/print/index.html");
  CHECK_THAT(print, Catch::Contains("<img src=\"../atelier/photo.jpg\" width=\"1600\" height=\"1067\""));
  CHECK(print.find("srcset") == std::string::npos);
}

TEST_CASE("a photo unchanged since the last build is recalled by its stamp, without reading it") {
  auto cache = test_support::fresh_folder("pictures-recall");
  std::string png = blob_bytes(noise_picture(700, 500, 3).pngsave_buffer());
  Picture prepared;
  REQUIRE(prepare_picture("content/fr/a.png", png, cache.string(), prepared) == "");
  Picture recalled;
  CHECK_FALSE(recall_picture(cache.string(), "content/fr/a.png", "123:456", recalled));
  remember_picture(cache.string(), "content/fr/a.png", "123:456", prepared);
  REQUIRE(recall_picture(cache.string(), "content/fr/a.png", "123:456", recalled));
  CHECK(recalled.key == prepared.key);
  CHECK((recalled.width == 700 && recalled.height == 500));
  REQUIRE(recalled.variants.size() == prepared.variants.size());
  for (size_t i = 0; i < recalled.variants.size(); ++i) {
    CHECK(recalled.variants[i].width == prepared.variants[i].width);
    CHECK(recalled.variants[i].height == prepared.variants[i].height);
    CHECK(recalled.variants[i].extension == prepared.variants[i].extension);
    CHECK(*recalled.variants[i].bytes == *prepared.variants[i].bytes);
  }
  // Edited (another stamp), or another file with the same stamp: prepared again.
  CHECK_FALSE(recall_picture(cache.string(), "content/fr/a.png", "124:456", recalled));
  CHECK_FALSE(recall_picture(cache.string(), "content/fr/b.png", "123:456", recalled));
  // A variant gone from the cache: not recalled.
  for (const auto& entry : std::filesystem::directory_iterator(cache)) {
    if (entry.path().extension() == ".webp") std::filesystem::remove(entry.path());
  }
  CHECK_FALSE(recall_picture(cache.string(), "content/fr/a.png", "123:456", recalled));
  std::filesystem::remove_all(cache);
}

TEST_CASE("a folder on disk stamps a file by its size and time, and the stamp changes with it") {
  auto folder = test_support::fresh_folder("pictures-stamp");
  write_file(folder / "a.jpg", "one");
  DiskSourceTree tree(folder.string());
  std::string first = tree.stamp("a.jpg");
  CHECK(first.rfind("3:", 0) == 0);
  write_file(folder / "a.jpg", "three");
  CHECK(tree.stamp("a.jpg") != first);
  CHECK(tree.stamp("missing.jpg") == "");
  CHECK(MemorySourceTree(std::map<std::string, std::string>{{"a.jpg", "x"}}).stamp("a.jpg") == "");
  std::filesystem::remove_all(folder);
}
