// Calendar checks and ISO formatting for model::Date.
#include "galley/model/document.hpp"

#include <cstdio>

namespace galley::model {

bool Date::valid() const {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace galley::model
