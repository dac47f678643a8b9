using System.Net.Http.Headers;
using Harmattan.Server;
using Harmattan.Store;
using Harmattan.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Harmattan.Web.Tests;

/// <summary>
/// A server whose knowledge base has users answers nobody without a token: the UI says so, takes the
/// token an admin issued, and then works, every request carrying it.
/// </summary>
public sealed class TokenTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task With_users_the_ui_asks_for_a_token_and_works_once_it_is_given()
    {
        var folder = Directory.CreateTempSubdirectory("harmattan-web-token-").FullName;
        var database = Path.Combine(folder, "kb.db");
        string secret;
        string viewerSecret;
        using (var store = KnowledgeStore.Open(database))
        {
            store.AddUser("amina", Role.Analyst, by: null);
            secret = store.IssueToken("amina", "browser", by: null).Secret;
            store.AddUser("ibrahim", Role.Viewer, by: null);
            viewerSecret = store.IssueToken("ibrahim", "browser", by: null).Secret;
        }

        var app = HarmattanServer.Build([], s =>
        {
            s.Database = database;
            s.Data = Path.Combine(RepositoryRoot.Path, "data");
        });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
            using (var client = new HttpClient { BaseAddress = address })
            using (var form = new MultipartFormDataContent())
            {
                var report = Path.Combine(RepositoryRoot.SampleReports, "2012-03-tuareg-rebellion-and-bamako-coup.txt");
                form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(report)), "files", Path.GetFileName(report));
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("api/documents", UriKind.Relative), form)).StatusCode);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                (await client.PostAsync(new Uri("api/documents", UriKind.Relative), form)).EnsureSuccessStatusCode();
            }

            await using var ui = await UiPage.OpenAsync(chromium, address, "token");
            await ui.Page.GotoAsync("/#/actors");
            await Expect(ui.Page.Locator("#view .error")).ToContainTextAsync("API token");
            await ui.SnapAsync("asked");

            await ui.Page.Locator("#analyst button").ClickAsync();
            await ui.Page.Locator("#analyst input[name='name']").FillAsync("amina");
            await ui.Page.Locator("#analyst input[name='token']").FillAsync(secret);
            await ui.Page.Locator("#analyst button[type='submit']").ClickAsync();
            await ui.GoAsync("#/actors");

            await Expect(ui.Page.Locator("#view")).ToContainTextAsync("Bamako");

            // An analyst is offered the review actions; a viewer, whom the server would refuse, is not.
            await ui.GoAsync("#/review");
            await Expect(ui.Page.Locator(".queue-item button.rv.confirm").First).ToBeVisibleAsync();
            await ui.Page.EvaluateAsync($"localStorage.setItem('harmattan.token', '{viewerSecret}')");
            await ui.GoAsync("#/review");
            await Expect(ui.Page.Locator(".queue-item").First).ToBeVisibleAsync();
            await Expect(ui.Page.Locator(".queue-item button.rv.confirm").First).ToBeHiddenAsync();
            await ui.GoAsync("#/documents");
            await Expect(ui.Page.Locator("form.upload")).ToBeHiddenAsync();
            await ui.DoneAsync();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
