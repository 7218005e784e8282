// A workflow that tracks one event per signup, with the Segment call mocked: the mock answers for
// this test and nothing is sent, so the test checks the loop and what it collects.
workflow_test "tracks one event per signup (Segment call mocked)" {
  stack {
    var $signups {
      value = ["user_1", " user_2 ", "user_3"]
    }

    var $tracked {
      value = []
    }

    foreach ($signups) {
      each as $user {
        function.call "segment_track_event" {
          input = { user_id: $user|trim, event: "Signed Up" }
          mock = {
            "tracks one event per signup (Segment call mocked)": {
              success: true,
              segment_response: { success: true }
            }
          }
        } as $result

        var.update $tracked {
          value = $tracked|push:($user|trim)
        }

        expect.to_be_true ($result.success)
      }
    }

    expect.to_equal ($tracked) {
      value = ["user_1", "user_2", "user_3"]
    }
  }
}
