"""Cloud providers: what is present and what is missing. Facts: reference/zot.md "Cloud
providers" and "Env vars and stored location per provider" (sentinels <aws>, <adc>),
reference/pi.md "Env-var keys" (special cases, "<authenticated>") and "Other env vars read by
providers", reference/openclaw.md `resolveApiKeyForProvider` (aws-sdk)."""

from __future__ import annotations

from credhelp import chosen, no_files, results, run

ADC = "/home/u/.config/gcloud/application_default_credentials.json"


def setup(result) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {item.item: (item.result, item.missing_names) for item in result.setup}


def test_zot_bedrock_marks_available_on_the_access_key_id_alone_and_says_what_is_missing():
    result = run("zot", "bedrock", env={"AWS_ACCESS_KEY_ID": "AKIAABCDEFGHIJKLMNOP"}, home="/home/u", exists=no_files)
    assert chosen(result) == ("cloud", "AWS_ACCESS_KEY_ID")
    assert "(credential '<aws>')" in result.chosen_step.detail
    assert setup(result) == {
        "bearer token": ("missing", ("AWS_BEARER_TOKEN_BEDROCK",)),
        "access keys": ("missing", ("AWS_SECRET_ACCESS_KEY",)),
        "profile": ("missing", ("AWS_PROFILE",)),
        "ECS/IRSA markers": ("ignored", ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE")),
        "region": ("default", ()),
    }
    assert result.setup[-1].value == "us-east-1"
    assert result.notes[-1] == (
        "zot treats amazon-bedrock as available, but no credential set is complete (access keys lacks AWS_SECRET_ACCESS_KEY): requests will fail."
    )


def test_zot_bedrock_with_a_bearer_token_and_region():
    env = {"AWS_BEARER_TOKEN_BEDROCK": "bedrock-api-key-" + "a" * 40, "AWS_DEFAULT_REGION": "eu-central-1"}
    result = run("zot", "amazon-bedrock", env=env)
    assert chosen(result) == ("cloud", "AWS_BEARER_TOKEN_BEDROCK")
    assert setup(result)["bearer token"] == ("present", ())
    assert result.setup[-1].value == "eu-central-1"
    assert not result.notes or "no credential set is complete" not in result.notes[-1]


def test_zot_ignores_ecs_and_irsa_markers():
    # The docs claim ECS/IRSA support; zot has no such code (reference/zot.md, Cloud providers).
    result = run("zot", "amazon-bedrock", env={"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/x"})
    assert result.chosen is None
    assert setup(result)["ECS/IRSA markers"][0] == "ignored"


def test_pi_bedrock_counts_ecs_markers_and_needs_both_access_keys():
    result = run("pi", "amazon-bedrock", env={"AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token"})
    assert chosen(result) == ("cloud", "AWS_WEB_IDENTITY_TOKEN_FILE")
    assert "'<authenticated>'" in result.chosen_step.detail
    assert setup(result)["ECS/IRSA markers"][0] == "present"
    result = run("pi", "amazon-bedrock", env={"AWS_ACCESS_KEY_ID": "AKIAABCDEFGHIJKLMNOP"})
    assert result.chosen is None  # getEnvApiKey wants the key id and the secret together


def test_zot_vertex_adc_is_available_when_the_variable_is_set_even_without_the_file():
    result = run("zot", "vertex", env={"GOOGLE_APPLICATION_CREDENTIALS": "/nope.json"}, exists=no_files)
    assert chosen(result) == ("cloud", "GOOGLE_APPLICATION_CREDENTIALS")
    assert setup(result) == {
        "API key": ("missing", ("GOOGLE_CLOUD_API_KEY",)),
        "ADC file": ("missing", ()),
        "project": ("missing", ("GOOGLE_CLOUD_PROJECT",)),
        "location": ("default", ()),
    }
    assert next(i for i in result.setup if i.item == "ADC file").detail == "GOOGLE_APPLICATION_CREDENTIALS names a file that does not exist"


def test_zot_vertex_finds_the_default_adc_file():
    result = run("zot", "google-vertex", env={"GOOGLE_CLOUD_PROJECT": "proj-1"}, home="/home/u", exists=lambda p: p == ADC)
    assert chosen(result) == ("cloud", "GOOGLE_APPLICATION_CREDENTIALS")
    assert setup(result)["ADC file"] == ("present", ())
    assert next(i for i in result.setup if i.item == "project").value == "proj-1"


def test_pi_vertex_needs_adc_project_and_location():
    env = {"GOOGLE_CLOUD_PROJECT": "proj-1"}
    result = run("pi", "google-vertex", env=env, home="/home/u", exists=lambda p: p == ADC)
    assert result.chosen is None
    assert results(result)[-2] == ("GOOGLE_APPLICATION_CREDENTIALS + GOOGLE_CLOUD_PROJECT + GCLOUD_PROJECT + GOOGLE_CLOUD_LOCATION", "missing")
    assert result.steps[-2].detail == "ADC with project and location: missing GOOGLE_CLOUD_LOCATION"
    result = run("pi", "google-vertex", env={**env, "GOOGLE_CLOUD_LOCATION": "europe-west4"}, home="/home/u", exists=lambda p: p == ADC)
    assert result.chosen_step.source == "cloud"
    assert setup(result)["location"] == ("present", ())


def test_vertex_api_key_comes_first():
    result = run("pi", "google-vertex", env={"GOOGLE_CLOUD_API_KEY": "AIza" + "v" * 35})
    assert chosen(result) == ("env", "GOOGLE_CLOUD_API_KEY")


def test_cloudflare_account_and_gateway_ids():
    env = {"CLOUDFLARE_API_KEY": "cf" + "k" * 38, "CLOUDFLARE_ACCOUNT_ID": "0123456789abcdef"}
    result = run("zot", "cloudflare-ai-gateway", env=env)
    assert chosen(result) == ("env", "CLOUDFLARE_API_KEY")
    assert setup(result) == {"account id": ("present", ()), "gateway id": ("missing", ("CLOUDFLARE_GATEWAY_ID",))}
    assert setup(run("pi", "cloudflare-workers-ai", env=env)) == {"account id": ("present", ())}


def test_azure_base_url_version_and_deployment_map():
    result = run("zot", "azure", env={"AZURE_OPENAI_API_KEY": "a" * 32, "AZURE_OPENAI_RESOURCE_NAME": "myres"})
    assert setup(result) == {
        "base URL or resource name": ("present", ()),
        "API version": ("default", ()),
        "deployment map": ("missing", ("AZURE_OPENAI_DEPLOYMENT_NAME_MAP",)),
    }
    assert next(i for i in result.setup if i.item == "API version").value == "v1"
    missing = {i.item: i for i in run("pi", "azure-openai-responses").setup}
    assert missing["base URL or resource name"].result == "missing" and missing["base URL or resource name"].required


def test_openclaw_bedrock_default_chain_lists_what_is_set():
    result = run("openclaw", "amazon-bedrock", env={"AWS_ACCESS_KEY_ID": "AKIAABCDEFGHIJKLMNOP", "AWS_SECRET_ACCESS_KEY": "s" * 40})
    assert chosen(result) == ("cloud", "AWS SDK default chain")
    assert result.chosen_step.detail == "mode aws-sdk (set: access keys)"


def test_setup_never_shows_a_secret_looking_value():
    result = run("zot", "vertex", env={"GOOGLE_CLOUD_PROJECT": "sk-proj-NOTAPROJECTdddddddddddddd4444"})
    assert next(i for i in result.setup if i.item == "project").value is None
