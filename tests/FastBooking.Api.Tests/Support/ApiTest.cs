namespace FastBooking.Api.Tests.Support;

/// <summary>
/// The base of every API test class. The host's fake clock is shared by all the tests on that host, so each test starts
/// at <see cref="ApiFactory.StandardNow"/> whatever the one before it did to the clock; a test that needs another time
/// sets it itself. Every test makes businesses of its own: tenants never see each other, so no test cleans up.
/// </summary>
public abstract class ApiTest
{
    protected ApiTest(ApiFactory api)
    {
        Api = api;
        api.Clock.Reset(ApiFactory.StandardNow);
    }

    protected ApiFactory Api { get; }

    /// <summary>A new business in <paramref name="timeZone"/>, with the default rules unless given.</summary>
    protected Task<SalonClient> NewSalonAsync(string timeZone = "Europe/London", object? rules = null) =>
        SalonClient.CreateAsync(Api, timeZone, rules);

    /// <summary>
    /// A new business with one staff member (09:00–17:00 every day) performing its one service of
    /// <paramref name="minutes"/> with the given buffers.
    /// </summary>
    protected async Task<(SalonClient Salon, string Staff, string Service)> NewSalonWithServiceAsync(
        int minutes = 30, int before = 0, int after = 0, string timeZone = "Europe/London", object? rules = null)
    {
        var salon = await NewSalonAsync(timeZone, rules);
        var staff = await salon.AddStaffAsync();
        return (salon, staff, await salon.AddServiceAsync([staff], minutes, before, after));
    }

    /// <summary>A new business with two staff members (09:00–17:00 every day) who both perform its one 30-minute service.</summary>
    protected async Task<(SalonClient Salon, string First, string Second, string Service)> NewSalonWithTwoStaffAsync()
    {
        var salon = await NewSalonAsync();
        var first = await salon.AddStaffAsync("First");
        var second = await salon.AddStaffAsync("Second");
        return (salon, first, second, await salon.AddServiceAsync([first, second]));
    }
}
