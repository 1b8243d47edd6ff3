using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PositionManager.Admin;

namespace PositionManager.Cli;

/// <summary>The admin endpoint over HTTP; every failure becomes a <see cref="PmctlError"/> that says what to do.</summary>
public sealed class AdminClient : IDisposable
{
    public const string OperatorHeader = "X-PM-Operator";

    private readonly HttpClient _http;
    private readonly Uri _node;

    public AdminClient(NodeTarget target, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _node = target.Node;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = target.Node;
        _http.Timeout = timeout;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Add(OperatorHeader, Environment.UserName);
        if (target.Token is { } token)
        {
            _http.DefaultRequestHeaders.Add(AdminRoutes.TokenHeader, token);
        }
    }

    public Task<T> Get<T>(string path, JsonTypeInfo<T> answer) =>
        Send(() => _http.GetAsync(path), answer);

    public Task<T> Post<TBody, T>(string path, TBody body, JsonTypeInfo<TBody> request, JsonTypeInfo<T> answer) =>
        Send(() => _http.PostAsync(path, JsonContent.Create(body, request)), answer);

    public Task<T> Post<T>(string path, JsonTypeInfo<T> answer) =>
        Send(() => _http.PostAsync(path, content: null), answer);

    /// <summary>A health endpoint's report and whether it passed (200); a failing one is an answer, not an error.</summary>
    public async Task<(bool Healthy, HealthReportView Report)> Health(string path)
    {
        using (var response = await Call(() => _http.GetAsync(path)))
        {
            var text = await response.Content.ReadAsStringAsync();
            try
            {
                var report = JsonSerializer.Deserialize(text, AdminJsonContext.Default.HealthReportView)
                    ?? throw new PmctlError($"the node at {_node} answered an empty health report");
                return (response.IsSuccessStatusCode, report);
            }
            catch (JsonException)
            {
                throw new PmctlError($"the node at {_node} answered HTTP {(int)response.StatusCode} without a health report");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The HTTP call itself; a node that cannot be reached or does not answer becomes one line.</summary>
    private async Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException unreachable)
        {
            throw new PmctlError($"cannot reach the node at {_node}: {unreachable.Message} (is it running? --node or {NodeTarget.NodeVariable} names another)");
        }
        catch (TaskCanceledException)
        {
            throw new PmctlError($"the node at {_node} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
    }

    private async Task<T> Send<T>(Func<Task<HttpResponseMessage>> call, JsonTypeInfo<T> answer)
    {
        using (var response = await Call(call))
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new PmctlError(ErrorText(response, text));
            }

            try
            {
                return JsonSerializer.Deserialize(text, answer) ?? throw new PmctlError($"the node at {_node} answered an empty body");
            }
            catch (JsonException bad)
            {
                throw new PmctlError($"the node at {_node} answered something pmctl cannot read ({bad.Message}); is it the same version?");
            }
        }
    }

    private string ErrorText(HttpResponseMessage response, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, AdminJsonContext.Default.AdminError) is { Error: { Length: > 0 } error })
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not our error shape: a proxy or another server answered; say what came back.
        }

        return $"the node at {_node} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
