// The expression language of database queries: word and symbol operators, query filters, dotted keys
function "query_expressions" {
  input {
    text q?
    int min?
    int max?
    text[] tags?
  }
  stack {
    db.query "product" {
      join = {
        maker: {table: "maker", where: $db.product.maker_id == $db.maker.id && $db.maker.name ilike "%acme%"}
      }
      where = $db.product.status not in ["deleted", "archived"] && $db.product.metadata @> {featured: true} && $db.product.sku ~ "^SKU-[0-9]+" && $db.product.sku !~ "^draft"
      sort = {product.created_at: "desc"}
      eval = {
        distance: $db.product.embedding|cosine_distance:$input.tags
        rank: $db.product.title|search_rank:$input.q
      }
    } as $first
    db.query "product" {
      where = $db.product.name includes? $input.q && $db.product.tags contains "featured" && $db.product.tags not contains "hidden" && $db.product.tags overlaps $input.tags && $db.product.tags not overlaps ["x", "y"] && $db.product.price between $input.min:$input.max && $db.product.price not between 0:10 && $db.product.category ==? $input.q && $db.product.title not includes "test" && $db.product.name like "A%" && $db.product.name not ilike "%test%" && $db.product.tags|overlaps:["a", "b"] && $db.product.price|between:10:100 && $db.product.id in $input.tags
    } as $second
  }
  response = {first: $first, second: $second}
}
