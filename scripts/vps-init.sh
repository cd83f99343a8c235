#!/bin/sh
# KoproGo on one VPS, first install in one step (docs/deploy-vps.md, issue #18 item 4): writes .env
# from .env.example with generated secrets, asking only for the domain name and the admin e-mail.
#
#   sh scripts/vps-init.sh                       # asks for both
#   sh scripts/vps-init.sh --domain syndic.example.org --email admin@example.org
#   DOMAIN=… ADMIN_EMAIL=… sh scripts/vps-init.sh   (or: make vps-init DOMAIN=… ADMIN_EMAIL=…)
#   --force   replace an existing .env (kept as .env.backup-<UTC time>)
#   --dir D   the folder holding docker-compose.yml and .env.example (default: this repository)
#
# POSIX sh on purpose: it runs on a fresh Debian/Ubuntu VPS before anything else is installed (no
# Node, no make needed). It uses only sh, awk, grep, tr, head, date and /dev/urandom. Secrets are
# letters and digits only, so neither .env, compose interpolation ($) nor a URL needs quoting.
set -eu

die() {
  printf 'vps-init: %s\n' "$1" >&2
  exit "${2:-1}"
}

dir=$(cd "$(dirname "$0")/.." && pwd)
force=0
domain=${DOMAIN:-}
email=${ADMIN_EMAIL:-}
while [ $# -gt 0 ]; do
  case $1 in
    --force) force=1 ;;
    --domain) [ $# -ge 2 ] || die '--domain needs a value' 2; domain=$2; shift ;;
    --domain=*) domain=${1#--domain=} ;;
    --email) [ $# -ge 2 ] || die '--email needs a value' 2; email=$2; shift ;;
    --email=*) email=${1#--email=} ;;
    --dir) [ $# -ge 2 ] || die '--dir needs a value' 2; dir=$2; shift ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" 2 ;;
  esac
  shift
done

template=$dir/.env.example
target=$dir/.env
[ -f "$template" ] || die "$template is missing: run this from the KoproGo repository"
if [ -e "$target" ] && [ "$force" -ne 1 ]; then
  die "$target exists: not overwritten (it holds your secrets). Use --force to replace it; the old one is kept as a backup."
fi

# A host name Let's Encrypt can certify: dot-separated labels of letters, digits and inner hyphens,
# a final label that is not all digits (no IP address), no scheme, port or path.
valid_domain() {
  [ ${#1} -le 253 ] &&
    printf '%s\n' "$1" | grep -Eq '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$'
}
# A plain mailbox: no quotes, spaces or `$` (which compose would interpolate).
valid_email() {
  [ ${#1} -le 254 ] &&
    printf '%s\n' "$1" | grep -Eq '^[A-Za-z0-9._%+-]+@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$'
}
domain_problem='a domain name such as syndic.example.org (no https://, no port, no path; an IP address will not get a certificate)'
email_problem='an e-mail address such as admin@example.org'

# Asks on the terminal (or reads stdin when it is piped) until the answer is valid.
ask() { # ask VAR "question" validator "what is expected"
  while :; do
    printf '%s ' "$2"
    answer=
    IFS= read -r answer || [ -n "$answer" ] || die "no answer for: $2"
    [ -t 0 ] || printf '\n' # piped answers are not echoed: keep the log one prompt a line
    answer=$(printf '%s' "$answer" | tr -d '\r' | sed 's/^[[:space:]]*//;s/[[:space:]]*$//')
    [ "$3" = valid_domain ] && answer=$(printf '%s' "$answer" | tr 'A-Z' 'a-z')
    if "$3" "$answer"; then
      eval "$1=\$answer"
      return
    fi
    printf '  expected %s\n' "$4"
  done
}

domain=$(printf '%s' "$domain" | tr 'A-Z' 'a-z')
if [ -n "$domain" ]; then
  valid_domain "$domain" || die "DOMAIN=$domain: expected $domain_problem" 2
else
  ask domain 'Domain name of this server (DNS already pointing here), e.g. syndic.example.org:' \
    valid_domain "$domain_problem"
fi
if [ -n "$email" ]; then
  valid_email "$email" || die "ADMIN_EMAIL=$email: expected $email_problem" 2
else
  ask email "Administrator's e-mail (first login, and Let's Encrypt notices):" valid_email "$email_problem"
fi

# N random letters and digits from the kernel's generator (no openssl on a minimal image).
random() {
  LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1"
}
# 64 × log2(62) ≈ 381 bits: well over the 32 bytes production requires of JWT_SECRET.
JWT_SECRET=$(random 64)
POSTGRES_PASSWORD=$(random 40)
SUPERADMIN_PASSWORD=$(random 20)
[ ${#JWT_SECRET} -eq 64 ] && [ ${#POSTGRES_PASSWORD} -eq 40 ] && [ ${#SUPERADMIN_PASSWORD} -eq 20 ] ||
  die 'could not read /dev/urandom'

# The settings written, by name; every other line of the template is copied as it is.
KEYS='APP_ENV DOMAIN ACME_EMAIL SUPERADMIN_EMAIL SUPERADMIN_PASSWORD JWT_SECRET POSTGRES_PASSWORD CORS_ORIGINS TRUST_PROXY SEED_DEMO_ON_START'
export KG_APP_ENV=production KG_DOMAIN="$domain" KG_ACME_EMAIL="$email" KG_SUPERADMIN_EMAIL="$email" \
  KG_SUPERADMIN_PASSWORD="$SUPERADMIN_PASSWORD" KG_JWT_SECRET="$JWT_SECRET" \
  KG_POSTGRES_PASSWORD="$POSTGRES_PASSWORD" KG_CORS_ORIGINS="https://$domain" \
  KG_TRUST_PROXY=true KG_SEED_DEMO_ON_START=false

# Written next to the target, private from the first byte, then moved into place.
umask 077
tmp=$target.vps-init.$$
trap 'rm -f "$tmp"' EXIT
{
  printf '# Written by scripts/vps-init.sh for %s on %s. It holds secrets: keep it private (mode 600)\n' \
    "$domain" "$(date -u +%Y-%m-%dT%H:%MZ)"
  printf '# and keep a copy off this machine. Every setting is explained in docs/configuration.md.\n\n'
  # Values come through ENVIRON, so awk does not interpret backslashes in them.
  awk -v keys="$KEYS" '
    BEGIN { n = split(keys, list, " "); for (i = 1; i <= n; i++) wanted[list[i]] = 1 }
    /^[A-Z_][A-Z0-9_]*=/ {
      key = substr($0, 1, index($0, "=") - 1)
      if (key in wanted) { print key "=" ENVIRON["KG_" key]; seen[key] = 1; next }
    }
    { print }
    END { for (k in wanted) if (!(k in seen)) { print "missing " k > "/dev/stderr"; exit 3 } }
  ' "$template"
} >"$tmp" || die "$template lacks a setting this script fills in: is it from this version of KoproGo?"

backup=
if [ -e "$target" ]; then
  backup=$target.backup-$(date -u +%Y%m%dT%H%M%SZ)
  [ -e "$backup" ] && backup=$backup.$$
  cp -p "$target" "$backup"
  chmod 600 "$backup" # a hand-written .env may have been readable by all; its copy is not
fi
mv "$tmp" "$target"
trap - EXIT

cat <<EOF
Wrote $target (mode 600)${backup:+; the previous one is kept as $backup}.

  Administrator: $email
  Password:      $SUPERADMIN_PASSWORD
  (shown once: note it in your password manager; it is also SUPERADMIN_PASSWORD in .env)

Next:
  1. DNS: an A (and AAAA) record of $domain pointing to this server; ports 80 and 443 open.
  2. Start:   docker compose up -d --build
     Check:   docker compose ps      (every service "healthy" after a minute or two)
  3. Log in:  https://$domain/  as $email with the password above.
  4. Backups: nightly into ./backups/ (docker compose exec backup bash /usr/local/bin/koprogo-backup once
     for one now). Copy ./backups/ and .env off this machine: a backup on the same disk is not one.
EOF
