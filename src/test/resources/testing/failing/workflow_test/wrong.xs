workflow_test "expects the wrong total" {
  stack {
    function.call "total" {
      input = { prices: [2, 3] }
    } as $result

    expect.to_equal ($result.total) {
      value = 6
    }

    expect.to_throw {
      stack {
        function.call "total" {
          input = { prices: [1] }
        }
      }
    }
  }
}
