// Merges contacts that share an e-mail address (compared trimmed and in lower case): the oldest record
// is kept, takes the phone and company the others have when it lacks them, and counts what it absorbed;
// the others are deleted. All of it happens in one transaction, so a failure leaves the table as it was.
function "dedupe_contacts" {
  input {
  }
  stack {
    db.query "contact" {
      sort = { id: "asc" }
      mock = {
        "distinct addresses are all kept": [
          { id: 1, email: "ada@example.com" },
          { id: 2, email: "alan@example.org" },
          { id: 3, email: "grace@example.net" }
        ]
      }
    } as $contacts
    var $keepers { value = {} }
    var $removed { value = [] }
    db.transaction {
      stack {
        foreach ($contacts) {
          each as $c {
            var $key { value = $c.email|trim|to_lower }
            conditional {
              if ($keepers|has:$key) {
                var $keep { value = $keepers|get:$key }
                var $patch { value = { email: $key, merged_count: $keep.merged_count + 1 } }
                conditional {
                  if (($keep.phone == null || $keep.phone == "") && $c.phone != null) {
                    var.update $patch { value = $patch|set:"phone":$c.phone }
                  }
                }
                conditional {
                  if (($keep.company == null || $keep.company == "") && $c.company != null) {
                    var.update $patch { value = $patch|set:"company":$c.company }
                  }
                }
                db.patch "contact" {
                  field_name = "id"
                  field_value = $keep.id
                  data = $patch
                } as $kept
                var.update $keepers { value = $keepers|set:$key:$kept }
                db.del "contact" {
                  field_name = "id"
                  field_value = $c.id
                }
                var.update $removed { value = $removed|push:$c.id }
              }
              else {
                var.update $keepers { value = $keepers|set:$key:$c }
              }
            }
          }
        }
      }
    }
    db.query "contact" {
      where = $db.contact.merged_count > 0
      sort = { id: "asc" }
    } as $merged
    db.query "contact" {
      return = { type: "count" }
    } as $remaining
  }
  response = {
    contacts_read: $contacts|count,
    duplicates_removed: $removed|count,
    removed_ids: $removed,
    merged: $merged|map:{
      id: $$.id,
      email: $$.email,
      phone: $$.phone,
      company: $$.company,
      merged_count: $$.merged_count
    },
    remaining: $remaining
  }
  test "an empty table has nothing to merge" {
    expect.to_equal ($response.contacts_read) { value = 0 }
    expect.to_equal ($response.duplicates_removed) { value = 0 }
    expect.to_be_empty ($response.merged)
  }
  test "distinct addresses are all kept" {
    expect.to_equal ($response.contacts_read) { value = 3 }
    expect.to_equal ($response.duplicates_removed) { value = 0 }
    expect.to_be_empty ($response.removed_ids)
  }
}
