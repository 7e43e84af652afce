// What each entry of the front-matter table means to the parser: how its value is read,
// defaulted and checked.
#include "content/page_schema.h"

#include "base/text.h"
#include "base/toml_fields.h"
#include "messages/messages.h"

namespace passerelle {

namespace {

std::string& string_member(PageSource& page, const PageField& field) {
  return page.*std::get<std::string PageSource::*>(field.member);
}

const std::string& string_value(const PageSource& page, const PageField& field) {
  return page.*std::get<std::string PageSource::*>(field.member);
}

std::string default_text(const PageField& field, const std::string& relative) {
  std::string without_extension = relative.substr(0, relative.size() - 3);  // drop ".md"
  // A page in a folder of its own (x/index.md, with its pictures beside it) is named by the
  // folder, as x.md would be.
  if (ends_with(without_extension, "/index")) without_extension.resize(without_extension.size() - 6);
  switch (field.fallback) {
    case PageDefault::kFileStem:
      return without_extension.substr(without_extension.rfind('/') + 1);
    case PageDefault::kPath:
      return without_extension;
    case PageDefault::kEmpty:
      break;
  }
  return "";
}

void check_text(const PageField& field, TomlReader& reader, bool is_index, PageSource& page) {
  std::string& value = string_member(page, field);
  switch (field.validation) {
    case Validation::kNotBefore: {
      const std::string& earliest = string_value(page, *find_page_field(field.not_before));
      if (!value.empty() && !earliest.empty() && value < earliest) {
        reader.diagnostics().error(reader.location(field.name),
                                   format_message(tr("'%1$s' (%2$s) is earlier than '%3$s' "
                                                     "(%4$s)"),
                                                  field.name, value, field.not_before, earliest));
      }
      break;
    }
    case Validation::kSlug:
      if (!is_index && !is_valid_id(value)) {
        reader.diagnostics().error(reader.location(field.name),
                                   format_message(tr("slug '%1$s' must use only a-z, 0-9 and "
                                                     "single hyphens (rename the file or set "
                                                     "slug = \"…\")"),
                                                  value));
      }
      break;
    case Validation::kNfc:
      value = to_nfc(value);
      break;
    case Validation::kNone:
      break;
  }
}

void read_page_field(const PageField& field, TomlReader& reader, const std::string& relative,
                     bool is_index, PageSource& page) {
  bool required = field.required == Required::kYes ||
                  (field.required == Required::kExceptIndex && !is_index);
  switch (field.type) {
    case FieldType::kBool:
      page.*std::get<bool PageSource::*>(field.member) = reader.boolean(field.name).value_or(false);
      return;
    case FieldType::kInteger:
      page.*std::get<int64_t PageSource::*>(field.member) = reader.integer(field.name).value_or(0);
      return;
    case FieldType::kTextList: {
      auto& list = page.*std::get<std::vector<std::string> PageSource::*>(field.member);
      list = reader.string_list(field.name, required);
      if (field.line) page.*field.line = list.empty() ? 0 : reader.location(field.name).line;
      return;
    }
    case FieldType::kDate:
      string_member(page, field) = reader.date(field.name, required).value_or("");
      break;
    default:  // kText (fits_its_type allows no other)
      string_member(page, field) =
          reader.string(field.name, required).value_or(default_text(field, relative));
  }
  if (field.line) {
    page.*field.line = string_value(page, field).empty() ? 0 : reader.location(field.name).line;
  }
  check_text(field, reader, is_index, page);
}

}  // namespace

void read_page_fields(TomlReader& reader, const std::string& relative, bool is_index,
                      const std::vector<TaxonomyConfig>& taxonomies, PageSource& page) {
  auto known = field_names(kPageFields);
  for (const auto& taxonomy : taxonomies) known.push_back(taxonomy.key);
  reader.reject_unknown(known);
  for (const auto& field : kPageFields) read_page_field(field, reader, relative, is_index, page);
  for (const auto& taxonomy : taxonomies) {
    if (find_page_field(taxonomy.key)) continue;  // an error of site.toml (model/assemble.cpp)
    auto terms = reader.string_list(taxonomy.key, false);
    if (terms.empty()) continue;
    page.taxonomy_lines[taxonomy.key] = reader.location(taxonomy.key).line;
    page.taxonomy_terms[taxonomy.key] = std::move(terms);
  }
}

std::pair<const PageField*, std::string> version_date(const PageSource& page) {
  for (Dating dating : {Dating::kRevised, Dating::kPublished}) {
    for (const auto& field : kPageFields) {
      if (field.dating != dating || string_value(page, field).empty()) continue;
      return {&field, string_value(page, field)};
    }
  }
  return {nullptr, ""};
}

std::vector<const PageField*> page_fields(Translation translation) {
  std::vector<const PageField*> fields;
  for (const auto& field : kPageFields) {
    if (field.translation == translation) fields.push_back(&field);
  }
  return fields;
}

void copy_fields(const PageSource& source, Translation translation, PageSource& page) {
  for (const auto* field : page_fields(translation)) {
    std::visit([&](auto member) { page.*member = source.*member; }, field->member);
  }
}

const PageField* find_page_field(std::string_view name) {
  return find_field(kPageFields, name);
}

}  // namespace passerelle
