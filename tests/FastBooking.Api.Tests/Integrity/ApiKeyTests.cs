using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>API keys have a lifecycle: a business creates more, lists them by prefix, revokes them — everywhere.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(ApiFactory api) : ApiTest(api)
{
    private HttpClient ClientWith(string key)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private async Task<JsonNode> CreatedKeyAsync(SalonClient salon)
    {
        Api.Clock.Advance(Duration.FromSeconds(1)); // keys list in creation order
        var response = await salon.Http.PostAsync("/v1/api-keys", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await SalonClient.Json(response);
    }

    [Fact]
    public async Task A_second_key_works_and_both_are_listed_by_prefix_oldest_first()
    {
        var salon = await NewSalonAsync();
        var second = await CreatedKeyAsync(salon);
        var key = second["apiKey"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await ClientWith(key).GetAsync("/v1/staff")).StatusCode);
        var listed = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/api-keys"))));
        Assert.Equal(2, listed.Count);
        Assert.Equal(salon.ApiKey[..8], listed[0]!["prefix"]!.GetValue<string>());
        Assert.Equal(key[..8], listed[1]!["prefix"]!.GetValue<string>());
        Assert.Equal(second["id"]!.GetValue<string>(), listed[1]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(listed, k => k!["apiKey"] is not null);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_by_an_instance_that_knew_it()
    {
        var salon = await NewSalonAsync();
        var second = await CreatedKeyAsync(salon);
        var old = ClientWith(salon.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/v1/staff")).StatusCode); // remembered now

        var firstId = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/api-keys"))))[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await ClientWith(second["apiKey"]!.GetValue<string>()).DeleteAsync($"/v1/api-keys/{firstId}")).StatusCode);

        var refused = await old.GetAsync("/v1/staff");
        await SalonClient.AssertProblem(refused, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_another_within_seconds()
    {
        await using var other = new NoRedisFactory();
        var salon = await NewSalonAsync();
        var second = await CreatedKeyAsync(salon);
        var elsewhere = salon.On(other);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Http.GetAsync("/v1/staff")).StatusCode); // the other instance remembers it

        var firstId = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/api-keys"))))[0]!["id"]!.GetValue<string>();
        var revoke = ClientWith(second["apiKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await revoke.DeleteAsync($"/v1/api-keys/{firstId}")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do
        {
            status = (await elsewhere.Http.GetAsync("/v1/staff")).StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_last_key_cannot_be_revoked()
    {
        var salon = await NewSalonAsync();
        var only = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/api-keys")))).Single()!["id"]!.GetValue<string>();

        await SalonClient.AssertProblem(await salon.Http.DeleteAsync($"/v1/api-keys/{only}"), HttpStatusCode.Conflict, "last_api_key");
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync("/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Another_business_cannot_revoke_a_key_it_does_not_own()
    {
        var a = await NewSalonAsync();
        var b = await NewSalonAsync();
        await CreatedKeyAsync(a);
        var ofA = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(a.Http.GetAsync("/v1/api-keys"))))[0]!["id"]!.GetValue<string>();

        await SalonClient.AssertProblem(await b.Http.DeleteAsync($"/v1/api-keys/{ofA}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync("/v1/staff")).StatusCode);
    }
}
