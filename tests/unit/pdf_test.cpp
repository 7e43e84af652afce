// The PDF step of `passerelle pdf`, run with stand-ins for WeasyPrint: shell scripts that make
// a "PDF" from the published edition (WeasyPrint's arguments: --pdf-variant pdf/ua-1 <html>
// <pdf>), fail, or write nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "print/pdf.h"
#include "test_folder.h"

namespace fs = std::filesystem;
using namespace passerelle;

namespace {

/// An executable shell script at `path`.
std::string script(const fs::path& path, const std::string& body) {
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(path, fs::perms::owner_all);
  return path.string();
}

const OutputPlan kPlan = {
    {"index.html", "<html>root</html>"},
    {"fr/edition/index.html", "<html>édition fr</html>"},
    {"it/edition/index.html", "<html>edizione it</html>"},
};

const std::vector<PrintEditionFiles> kEditions = {
    {"fr", "fr/edition/index.html", "fr/edition/guide.pdf", "2024-03-01"},
    {"it", "it/edition/index.html", "it/edition/guida.pdf", "1970-01-02"},
};

}  // namespace

TEST_CASE("each edition's PDF is made from the published edition and published with the site") {
  TestFolder test("pdf-made");
  const fs::path& folder = test.path;
  PdfOptions options;
  // The "PDF": the edition WeasyPrint was given, the date it was told to use, and the variant
  // asked for (PDF/UA-1: a tagged PDF).
  options.weasyprint = script(folder / "weasyprint",
                              "cat \"$3\" > \"$4\"; echo \" $SOURCE_DATE_EPOCH $1 $2\" >> \"$4\"");
  OutputPlan plan = kPlan;
  auto out = folder / "public";
  auto publication =
      publish_with_pdfs(plan, kEditions, out.string(), (folder / "site").string(), options);
  REQUIRE(publication.ok);
  CHECK(publication.error.empty());
  REQUIRE(publication.made.size() == 2);
  CHECK(publication.made[0].path == "fr/edition/guide.pdf");
  CHECK(publication.made[1].path == "it/edition/guida.pdf");
  CHECK(file_bytes(out / "fr/edition/guide.pdf") ==
        "<html>édition fr</html> 1709251200 --pdf-variant pdf/ua-1\n");
  CHECK(file_bytes(out / "it/edition/guida.pdf") ==
        "<html>edizione it</html> 86400 --pdf-variant pdf/ua-1\n");
  CHECK(publication.made[0].bytes == file_bytes(out / "fr/edition/guide.pdf").size());
  CHECK(file_bytes(out / "index.html") == "<html>root</html>");
  CHECK(plan.size() == kPlan.size() + 2);
}

TEST_CASE("when WeasyPrint fails, nothing is published and its last lines say why") {
  TestFolder test("pdf-failed");
  const fs::path& folder = test.path;
  auto out = folder / "public";
  fs::create_directories(out);
  std::ofstream(out / "before.html") << "previous build";
  PdfOptions options;
  options.weasyprint =
      script(folder / "weasyprint",
             "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo line $i >&2; done\n"
             "exit 3");
  OutputPlan plan = kPlan;
  auto publication =
      publish_with_pdfs(plan, kEditions, out.string(), (folder / "site").string(), options);
  CHECK_FALSE(publication.ok);
  CHECK(publication.weasyprint_failed);
  CHECK(publication.made.empty());
  CHECK(publication.error ==
        "WeasyPrint could not make fr/edition/guide.pdf from fr/edition/index.html (exit code 3)");
  // The last twelve lines, indented.
  CHECK(publication.program_output.rfind("    line 3\n", 0) == 0);
  CHECK(publication.program_output.find("    line 14\n") != std::string::npos);
  CHECK(publication.program_output.find("line 2\n") == std::string::npos);
  CHECK(file_bytes(out / "before.html") == "previous build");
  CHECK_FALSE(fs::exists(out / "index.html"));
}

TEST_CASE("a WeasyPrint that writes no PDF, or runs too long, publishes nothing") {
  TestFolder test("pdf-nothing");
  const fs::path& folder = test.path;
  auto out = folder / "public";
  PdfOptions options;
  options.weasyprint = script(folder / "silent", "exit 0");
  OutputPlan plan = kPlan;
  auto silent =
      publish_with_pdfs(plan, kEditions, out.string(), (folder / "site").string(), options);
  CHECK_FALSE(silent.ok);
  CHECK(silent.error.find("(it wrote no file)") != std::string::npos);

  options.weasyprint = script(folder / "slow", "sleep 30");
  options.timeout_seconds = 1;
  auto slow = publish_with_pdfs(plan, kEditions, out.string(), (folder / "site").string(), options);
  CHECK_FALSE(slow.ok);
  CHECK(slow.error.find("(stopped after 1 s; see --timeout)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an output folder that would replace the sources is refused, and nothing is written") {
  TestFolder test("pdf-refused");
  const fs::path& folder = test.path;
  PdfOptions options;
  options.weasyprint = script(folder / "weasyprint", "cat \"$3\" > \"$4\"");
  OutputPlan plan = kPlan;
  auto publication = publish_with_pdfs(plan, kEditions, folder.string(), folder.string(), options);
  CHECK_FALSE(publication.ok);
  CHECK_FALSE(publication.weasyprint_failed);
  CHECK_FALSE(publication.error.empty());
  CHECK_FALSE(fs::exists(folder / "index.html"));
}

TEST_CASE("SOURCE_DATE_EPOCH is the edition's date at midnight UTC") {
  CHECK(source_date_epoch("1970-01-01") == "SOURCE_DATE_EPOCH=0");
  CHECK(source_date_epoch("2000-03-01") == "SOURCE_DATE_EPOCH=951868800");
  CHECK(source_date_epoch("") == "SOURCE_DATE_EPOCH=0");
}
