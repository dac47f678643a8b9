using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harmattan.Server.Tests;

/// <summary>
/// The application as the serve verb runs it: built with settings given in code and listening on a real
/// loopback socket (an ephemeral port), not the in-memory test server.
/// </summary>
public sealed class KestrelHostTests(SampleStore host) : IClassFixture<SampleStore>
{
    [Fact]
    public async Task The_server_answers_over_a_real_socket_with_the_settings_given_in_code()
    {
        var app = HarmattanServer.Build([], s =>
        {
            s.Database = host.DatabasePath;
            s.Data = ServerHost.DataPath;
        });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            var docs = await Problems.Json(await client.GetAsync("/api/documents?limit=1"));
            Assert.Equal(host.SampleCount, docs.GetProperty("total").GetInt32());
            await Problems.Expect(await client.GetAsync("/api/documents/ffffffffffff"), HttpStatusCode.NotFound, "HRM0204");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
