using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>Lists come a page at a time with a cursor; following <c>next</c> yields every item once, in order, never cut off silently.</summary>
[Collection(ApiCollection.Name)]
public sealed class PagingTests(ApiFactory api) : ApiTest(api)
{
    private static async Task<List<string>> AllPagesAsync(SalonClient salon, string path, int limit)
    {
        var ids = new List<string>();
        string? next = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync(
                $"{path}{separator}limit={limit}{(next is null ? "" : $"&next={next}")}")));
            var items = SalonClient.Items(page);
            Assert.True(items.Count <= limit, $"a page of {items.Count} items for limit {limit}");
            ids.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
            if (next is null) return ids;
        }
        throw new InvalidOperationException("the pages did not end");
    }

    [Fact]
    public async Task Appointments_page_by_start_and_every_one_comes_once()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var booked = new List<string>();
        foreach (var hour in new[] { 15, 10, 12, 9, 16, 11, 14 })
            booked.Add(await salon.BookedAsync(service, staff, $"2026-12-01T{hour:D2}:00:00Z"));

        var listed = await AllPagesAsync(salon, "/v1/appointments?from=2026-12-01&to=2026-12-01", limit: 3);

        Assert.Equal(7, listed.Count);
        Assert.Equal(booked.Zip(new[] { 15, 10, 12, 9, 16, 11, 14 }).OrderBy(p => p.Second).Select(p => p.First), listed);
    }

    [Fact]
    public async Task Staff_and_services_page_through_every_one_once()
    {
        var salon = await NewSalonAsync();
        var staff = new List<string>();
        for (var i = 0; i < 5; i++) staff.Add(await salon.AddStaffAsync($"Stylist {i}"));
        for (var i = 0; i < 4; i++) await salon.AddServiceAsync(staff, minutes: 15 + i);

        Assert.Equal(staff.Order(), (await AllPagesAsync(salon, "/v1/staff", limit: 2)).Order());
        Assert.Equal(4, (await AllPagesAsync(salon, "/v1/services", limit: 3)).Distinct().Count());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("next=not-a-token")]
    [InlineData("next=fAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well-formed, but a key no page ever gave
    [InlineData("next=wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_bad_page_query_is_a_field_error(string query)
    {
        var salon = await NewSalonAsync();

        foreach (var path in new[] { $"/v1/staff?{query}", $"/v1/api-keys?{query}", $"/v1/appointments?from=2026-12-01&to=2026-12-01&{query}" })
        {
            var problem = await SalonClient.AssertProblem(await salon.Http.GetAsync(path), HttpStatusCode.BadRequest, "validation_failed");
            Assert.NotNull(problem["errors"]?[query.Split('=')[0]]);
        }
    }
}
