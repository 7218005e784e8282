// util.geo_distance is the haversine distance in km on a 6371 km sphere; omitted coordinates default to 0 (spec 4.13)
run.job "geo distance" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    util.geo_distance {
      latitude_1 = 48.8566
      longitude_1 = 2.3522
      latitude_2 = 51.5074
      longitude_2 = -0.1278
    } as $paris_london
    util.geo_distance {
      longitude_2 = 1
    } as $one_degree
    util.geo_distance {
      latitude_1 = 12.5
      longitude_1 = 99
      latitude_2 = 12.5
      longitude_2 = 99
    } as $same
  }
  response = {paris_london: $paris_london|round:3, one_degree: $one_degree|round:4, same: $same, same_is_decimal: $same|is_decimal}
}
