#!/usr/bin/env bash
# Tries README's "Keycloak example" (section "Sign-in for teams") against a real Keycloak, so the
# example stays something a DBA can follow: the Keycloak server distribution comes from Maven
# Central (no container registry needed), is set up with kcadm.sh exactly as README says, and the
# packaged console signs users in through it, the way a browser would (curl with a cookie jar,
# following Keycloak's own login form).
#
# Not run by ./mvnw verify (it takes two to four minutes, most of it Keycloak starting).
# Run from anywhere:  src/test/keycloak/try-keycloak-example.sh
# Needs: Java 17+ for the console (java on PATH), Java 21+ for Keycloak (KC_JAVA_HOME), curl,
# python3, unzip. KC_VERSION picks another Keycloak 26.x. Everything it starts is stopped and its
# files deleted on exit; it prints "N passed, N failed" and exits non-zero on any failure.
set -euo pipefail

KC_VERSION=${KC_VERSION:-26.7.3}
KC_JAVA_HOME=${KC_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$(mktemp -d)
KC_PID=
CONSOLE_PID=

cleanup() {
	# Both were started with setsid: their pid is their process group (kc.sh forks the JVM).
	for pid in $CONSOLE_PID $KC_PID; do
		kill -- "-$pid" 2>/dev/null || true
	done
	for pid in $CONSOLE_PID $KC_PID; do
		while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # url seconds pid log
	local i
	for ((i = 0; i < $2; i++)); do
		curl -sf -o /dev/null "$1" && return 0
		if ! kill -0 "$3" 2>/dev/null; then
			tail -40 "$4"
			echo "stopped before answering on $1" >&2
			return 1
		fi
		sleep 1
	done
	tail -40 "$4"
	echo "no answer on $1 after $2 s" >&2
	return 1
}

PASSED=0
FAILED=0
check() { # description, then a command that must succeed
	local what=$1
	shift
	if "$@"; then
		echo "PASS $what"
		PASSED=$((PASSED + 1))
	else
		echo "FAIL $what"
		FAILED=$((FAILED + 1))
	fi
}

# --- Keycloak, from Maven Central -------------------------------------------------------------
cd "$ROOT"
./mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
unzip -q "$WORK/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$WORK"
KC_HOME=$WORK/keycloak-$KC_VERSION
KC_PORT=$(free_port)
CONSOLE_PORT=$(free_port)
KC_URL=http://127.0.0.1:$KC_PORT
CONSOLE_URL=http://127.0.0.1:$CONSOLE_PORT
ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(16))')
echo "Keycloak $KC_VERSION on $KC_URL, the console on $CONSOLE_URL, files in $WORK"
JAVA_HOME=$KC_JAVA_HOME KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
	setsid "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --hostname="$KC_URL" \
	>"$WORK/keycloak.log" 2>&1 </dev/null &
KC_PID=$!
wait_for "$KC_URL/realms/master" 300 "$KC_PID" "$WORK/keycloak.log"

kcadm() { # kcadm.sh wants its options after the command
	local command=$1
	shift
	JAVA_HOME=$KC_JAVA_HOME "$KC_HOME/bin/kcadm.sh" "$command" --config "$WORK/kcadm.config" "$@"
}
JAVA_HOME=$KC_JAVA_HOME "$KC_HOME/bin/kcadm.sh" config credentials --config "$WORK/kcadm.config" \
	--server "$KC_URL" --realm master --user admin --password "$ADMIN_PASSWORD"

# --- README's Keycloak example, step by step --------------------------------------------------
kcadm create realms -s realm=dba -s enabled=true
group_id() {
	kcadm get groups -r dba -q search="$1" -q exact=true --fields id --format csv --noquotes
}
for group in console-viewers console-operators console-admins marketing; do
	kcadm create groups -r dba -s name="$group"
done

groups_mapper() { # the Group Membership mapper on a client's dedicated scope
	kcadm create "clients/$1/protocol-mappers/models" -r dba -s name=groups -s protocol=openid-connect \
		-s protocolMapper=oidc-group-membership-mapper -s 'config."claim.name"=groups' -s 'config."full.path"=false' \
		-s 'config."id.token.claim"=true' -s 'config."access.token.claim"=true' -s 'config."userinfo.token.claim"=true'
}
audience_mapper() { # puts the console's client id into the access token's aud
	kcadm create "clients/$1/protocol-mappers/models" -r dba -s name=console-audience -s protocol=openid-connect \
		-s protocolMapper=oidc-audience-mapper -s 'config."included.client.audience"=ob-session-console' \
		-s 'config."access.token.claim"=true' -s 'config."id.token.claim"=false'
}
client_secret() {
	kcadm get "clients/$1/client-secret" -r dba --fields value --format csv --noquotes
}

# The console's client: confidential, standard flow, its redirect and post-logout redirect URIs.
CONSOLE_CLIENT=$(kcadm create clients -r dba -i -s clientId=ob-session-console -s protocol=openid-connect \
	-s publicClient=false -s standardFlowEnabled=true -s directAccessGrantsEnabled=false \
	-s "redirectUris=[\"$CONSOLE_URL/login/oauth2/code/oidc\"]" \
	-s "attributes={\"post.logout.redirect.uris\":\"$CONSOLE_URL/login?logout\"}")
groups_mapper "$CONSOLE_CLIENT"

# DBAs in groups. Keycloak 26's user profile wants an email, first and last name: a user without
# them is stopped at "Update Account Information" on their first sign-in (checked below).
add_user() { # username group [profile]
	local id
	if [[ ${3:-profile} == profile ]]; then
		id=$(kcadm create users -r dba -i -s username="$1" -s enabled=true -s email="$1@example.com" \
			-s emailVerified=true -s firstName="$1" -s lastName=DBA)
	else
		id=$(kcadm create users -r dba -i -s username="$1" -s enabled=true)
	fi
	kcadm set-password -r dba --username "$1" --new-password "pw-$1-$ADMIN_PASSWORD"
	kcadm update "users/$id/groups/$(group_id "$2")" -r dba -n
}
add_user olga console-operators
add_user nora marketing
add_user vera console-viewers bare

# A script's client: client credentials (service account), the service account in a group, and
# the same groups mapper plus the audience mapper; a second one without the audience mapper.
script_client() { # client-id group with-audience
	local id account
	id=$(kcadm create clients -r dba -i -s clientId="$1" -s protocol=openid-connect -s publicClient=false \
		-s standardFlowEnabled=false -s serviceAccountsEnabled=true)
	groups_mapper "$id"
	[[ $3 == yes ]] && audience_mapper "$id"
	account=$(kcadm get "clients/$id/service-account-user" -r dba --fields id --format csv --noquotes)
	kcadm update "users/$account/groups/$(group_id "$2")" -r dba -n
	echo "$id"
}
SCRIPTS_CLIENT=$(script_client console-scripts console-operators yes | tail -1)
OTHER_CLIENT=$(script_client other-app console-operators no | tail -1)

# --- the console, configured as README's YAML says -------------------------------------------
JAR=$(ls "$ROOT"/target/ob-session-console-*.jar 2>/dev/null | head -1 || true)
if [[ -z $JAR ]]; then
	./mvnw -q -DskipTests package
	JAR=$(ls "$ROOT"/target/ob-session-console-*.jar | head -1)
fi
cat >"$WORK/application.yml" <<EOF
console:
  security:
    oidc:
      issuer-uri: $KC_URL/realms/dba
      client-id: ob-session-console
      client-secret: \${CONSOLE_OIDC_SECRET}
      provider-name: Company SSO
      role-mapping:
        console-viewers: VIEWER
        console-operators: OPERATOR
        console-admins: ADMIN
EOF
CONSOLE_OIDC_SECRET=$(client_secret "$CONSOLE_CLIENT") setsid java -jar "$JAR" \
	--spring.config.additional-location="file:$WORK/application.yml" \
	--server.address=127.0.0.1 --server.port="$CONSOLE_PORT" >"$WORK/console.log" 2>&1 </dev/null &
CONSOLE_PID=$!
wait_for "$CONSOLE_URL/login" 120 "$CONSOLE_PID" "$WORK/console.log"

# --- signing in as a browser does ------------------------------------------------------------
form_action() { # Keycloak's login form's target, unescaped
	grep -o 'id="kc-form-login"[^>]*action="[^"]*"\|action="[^"]*"[^>]*id="kc-form-login"' "$1" \
		| grep -o 'action="[^"]*"' | sed 's/^action="//; s/"$//; s/&amp;/\&/g'
}
sign_in() { # username, in a browser of their own (cookies in $WORK/$1.cookies); leaves the page
	# reached in $WORK/$1.html and its URL in $WORK/$1.url
	local JAR_FILE=$WORK/$1.cookies
	curl -s -c "$JAR_FILE" -b "$JAR_FILE" -L -o "$WORK/form.html" "$CONSOLE_URL/oauth2/authorization/oidc"
	curl -s -c "$JAR_FILE" -b "$JAR_FILE" -L -o "$WORK/$1.html" -w '%{url_effective}' \
		--data-urlencode "username=$1" --data-urlencode "password=pw-$1-$ADMIN_PASSWORD" \
		"$(form_action "$WORK/form.html")" >"$WORK/$1.url"
}
page_has() { grep -q -- "$2" "$WORK/$1"; }
url_is() { [[ $(cat "$WORK/$1.url") == "$2"* ]]; }

sign_in olga
check "olga (console-operators) lands on the console" url_is olga "$CONSOLE_URL/"
check "the console shows olga with OPERATOR" python3 - "$WORK/olga.html" <<'EOF'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
user = re.search(r'id="current-user">\s*<span>([^<]*)</span>\s*<span[^>]*>([^<]*)</span>', page)
sys.exit(0 if user and user.groups() == ("olga", "OPERATOR") else 1)
EOF

JAR_FILE=$WORK/olga.cookies
CSRF=$(grep -o 'name="_csrf" content="[^"]*"' "$WORK/olga.html" | sed 's/.*content="//; s/"$//')
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null -D "$WORK/logout.headers" --data-urlencode "_csrf=$CSRF" "$CONSOLE_URL/logout"
END_SESSION=$(grep -i '^location:' "$WORK/logout.headers" | sed 's/^[Ll]ocation: //' | tr -d '\r')
check "sign-out goes on to Keycloak's end-session endpoint with the ID token as hint" \
	grep -q "^$KC_URL/realms/dba/protocol/openid-connect/logout?id_token_hint=" <<<"$END_SESSION"
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -L -o "$WORK/signed-out.html" -w '%{url_effective}' "$END_SESSION" >"$WORK/signed-out.url"
check "Keycloak sends the browser back to /login?logout" url_is signed-out "$CONSOLE_URL/login?logout"
check "the sign-in page says so" page_has signed-out.html 'id="login-signed-out"'
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -L -o "$WORK/again.html" "$CONSOLE_URL/oauth2/authorization/oidc"
check "Keycloak's session ended too: signing in again asks for the password" page_has again.html 'id="kc-form-login"'

sign_in nora
check "nora (marketing only) is sent to /login?norole" url_is nora "$CONSOLE_URL/login?norole"
check "the page says why" page_has nora.html 'nora is in no group that has a role in this console'

sign_in vera
check "vera (no email or name in Keycloak) is stopped at Keycloak's Update Account Information" \
	grep -q 'execution=VERIFY_PROFILE' "$WORK/vera.url"

# --- bearer JWTs from the client credentials grant --------------------------------------------
token_of() { # client-id client-uuid
	curl -s -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$(client_secret "$2")" \
		"$KC_URL/realms/dba/protocol/openid-connect/token" \
		| python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
api() { # token path; prints the status, then the body
	curl -s -o "$WORK/api.json" -w '%{http_code}\n' -H "Authorization: Bearer $1" "$CONSOLE_URL$2"
	cat "$WORK/api.json"
}
SCRIPT_TOKEN=$(token_of console-scripts "$SCRIPTS_CLIENT")
check "GET /api/targets takes the script's JWT" grep -qx 200 <<<"$(api "$SCRIPT_TOKEN" /api/targets | head -1)"
check "with the role its group maps to (OPERATOR: the audit trail is refused by name)" \
	grep -q 'Your role OPERATOR may not' <<<"$(api "$SCRIPT_TOKEN" /api/audit)"
OTHER_TOKEN=$(token_of other-app "$OTHER_CLIENT")
check "a JWT without the console's audience gets 401" grep -qx 401 <<<"$(api "$OTHER_TOKEN" /api/targets | head -1)"
check "and the console logs why" grep -q 'Refused a bearer JWT.*aud claim is not valid' "$WORK/console.log"

# --- the same sign-in and sign-out in headless Chromium, which enforces the pages' CSP -----------
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
	DRIVER_PORT=$(free_port)
	setsid /usr/bin/chromedriver --port="$DRIVER_PORT" >"$WORK/chromedriver.log" 2>&1 </dev/null &
	DRIVER_PID=$!
	KC_PID="$KC_PID $DRIVER_PID" # stopped with the others on exit
	wait_for "http://127.0.0.1:$DRIVER_PORT/status" 30 "$DRIVER_PID" "$WORK/chromedriver.log"
	python3 "$HERE/chromium-sign-in.py" "http://127.0.0.1:$DRIVER_PORT" "$CONSOLE_URL" olga \
		"pw-olga-$ADMIN_PASSWORD" >"$WORK/chromium.txt" 2>&1 || cat "$WORK/chromium.txt"
	check "Chromium: olga signs in through Keycloak's page and is shown with OPERATOR" \
		grep -qx 'current-user: olga OPERATOR' "$WORK/chromium.txt"
	check "Chromium: Sign out reaches Keycloak and comes back to /login?logout" \
		grep -qx "after-sign-out: $CONSOLE_URL/login?logout" "$WORK/chromium.txt"
	check "Chromium: Keycloak's session ended too" grep -qx 'sign-in-again-asks-password: yes' "$WORK/chromium.txt"
else
	echo "SKIPPED the Chromium pass: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)"
fi

echo "Keycloak $KC_VERSION, README's Keycloak example:"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
