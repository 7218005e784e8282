workflow_test "a call whose target is not in the folder" {
  stack {
    tool.call "lookup_weather" as $weather
  }
}
