//! Shared test material for the integration and end-to-end suites.

mod age;
mod tools;

pub use age::age_decrypt;
pub use tools::{TOOLS_TXT, ToolError, listed_tools, tool, tool_on, uncommented};

/// At least 100 hostile Markdown/HTML payloads. Each one, if it ever ran, would set
/// `window.__xss` or try to reach a remote host; the tests check that neither happens.
pub fn hostile_payloads() -> Vec<String> {
    let run = "window.__xss=1";
    let mut p: Vec<String> = vec![
        format!("<script>{run}</script>"),
        format!("<SCRIPT>{run}</SCRIPT>"),
        format!("<script src=\"https://evil.example/x.js\"></script>"),
        format!("<scr<script>ipt>{run}</scr</script>ipt>"),
        format!("<script type=\"module\">{run}</script>"),
        format!("<noscript><p title=\"</noscript><img src=x onerror={run}>\">"),
        format!("[click](javascript:{run})"),
        format!("[click](JaVaScRiPt:{run})"),
        format!("[click](javascript&colon;{run})"),
        format!("[click]( javascript:{run} )"),
        format!("[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)"),
        format!("[click](vbscript:msgbox(1))"),
        format!("![img](javascript:{run})"),
        "![img](https://evil.example/pixel.png)".to_owned(),
        "![img](http://169.254.169.254/latest)".to_owned(),
        format!("<a href=\"javascript:{run}\">x</a>"),
        format!("<a href=\"jav&#x09;ascript:{run}\">x</a>"),
        format!("<a href=\"&#106;avascript:{run}\">x</a>"),
        "<a href=\"https://evil.example\" ping=\"https://evil.example/ping\">x</a>".to_owned(),
        format!("<iframe src=\"javascript:{run}\"></iframe>"),
        "<iframe src=\"https://evil.example\"></iframe>".to_owned(),
        format!("<iframe srcdoc=\"<script>parent.{run}</script>\"></iframe>"),
        format!("<object data=\"javascript:{run}\"></object>"),
        "<embed src=\"https://evil.example/x.swf\">".to_owned(),
        format!("<svg><script>{run}</script></svg>"),
        format!("<svg onload=\"{run}\"></svg>"),
        format!("<svg><animate onbegin=\"{run}\" attributeName=x dur=1s>"),
        format!("<svg><a xlink:href=\"javascript:{run}\"><text x=20 y=20>x</text></a></svg>"),
        format!("<math><mtext><table><mglyph><style><img src=x onerror={run}>"),
        format!("<style>@import 'https://evil.example/x.css';</style>"),
        "<style>body{background:url(https://evil.example/bg.png)}</style>".to_owned(),
        "<div style=\"background:url(https://evil.example/bg.png)\">x</div>".to_owned(),
        format!("<div style=\"width:expression({run})\">x</div>"),
        "<link rel=stylesheet href=\"https://evil.example/x.css\">".to_owned(),
        "<link rel=prefetch href=\"https://evil.example/\">".to_owned(),
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">".to_owned(),
        "<base href=\"https://evil.example/\">".to_owned(),
        "<form action=\"https://evil.example\"><button>go</button></form>".to_owned(),
        format!("<form><button formaction=\"javascript:{run}\">x</button></form>"),
        format!("<details open ontoggle=\"{run}\">x</details>"),
        format!("<input autofocus onfocus=\"{run}\">"),
        format!("<select autofocus onfocus=\"{run}\"></select>"),
        format!("<textarea autofocus onfocus=\"{run}\"></textarea>"),
        format!("<video><source onerror=\"{run}\"></video>"),
        format!("<audio src=x onerror=\"{run}\"></audio>"),
        format!("<body onload=\"{run}\">"),
        format!("<marquee onstart=\"{run}\">x</marquee>"),
        format!("<div onpointerover=\"{run}\" style=\"position:fixed;inset:0\">x</div>"),
        format!("<img src=\"x\" onerror=\"{run}\">"),
        format!("<img src=x onerror={run}>"),
        format!("<IMG SRC=x OnErRoR={run}>"),
        format!("<img src=`x` onerror=`{run}`>"),
        format!("<img/src=x/onerror={run}>"),
        format!("<img src=x onerror=&#119;indow.__xss=1>"),
        "<img srcset=\"https://evil.example/a.png 1x\">".to_owned(),
        "<picture><source srcset=\"https://evil.example/a.png\"><img></picture>".to_owned(),
        format!("<p onclick=\"{run}\">click</p>"),
        format!("<p onmouseover=\"{run}\">hover</p>"),
        format!("<table background=\"javascript:{run}\"><tr><td>x</td></tr></table>"),
        format!("<td background=\"javascript:{run}\">x</td>"),
        format!("<isindex action=\"javascript:{run}\" type=image>"),
        format!("<template><script>{run}</script></template>"),
        format!("<xmp><script>{run}</script></xmp>"),
        format!("<plaintext><script>{run}</script>"),
        format!("<!--<script>{run}</script>-->"),
        format!("<![CDATA[<script>{run}</script>]]>"),
        format!("<div><![CDATA[</div><script>{run}</script>]]>"),
        format!("<a href=\"#\" onfocus=\"{run}\" autofocus>x</a>"),
        format!("<button onclick=\"{run}\">x</button>"),
        format!("<keygen autofocus onfocus=\"{run}\">"),
        format!("<frameset onload=\"{run}\">"),
        format!("<applet code=\"javascript:{run}\"></applet>"),
        format!("<dialog open onclose=\"{run}\">x</dialog>"),
        format!(
            "<object type=\"text/html\" data=\"data:text/html,<script>parent.{run}</script>\"></object>"
        ),
        format!("```html\n<script>{run}</script>\n```"),
        format!("`<script>{run}</script>`"),
        format!("> <img src=x onerror={run}>"),
        format!("- [ ] <img src=x onerror={run}>"),
        format!("| a |\n|---|\n| <img src=x onerror={run}> |"),
        format!("**<img src=x onerror={run}>**"),
        format!("[x](https://ok.example \"<img src=x onerror={run}>\")"),
        format!("<https://evil.example/\"onmouseover=\"{run}>"),
        format!("[a]: javascript:{run}\n\n[click][a]"),
        format!(
            "<div id=\"x\"></div><script>document.getElementById('x').innerHTML='<img src=x onerror={run}>'</script>"
        ),
        format!("<svg><foreignObject><img src=x onerror={run}></foreignObject></svg>"),
        format!(
            "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='{run}'/></svg>#x\"/></svg>"
        ),
        format!("<math href=\"javascript:{run}\">x</math>"),
        format!("<a href=\"javascript:void(0)\" onclick=\"{run}\">x</a>"),
        format!("<div data-x=\"\" onanimationstart=\"{run}\" style=\"animation:spin 1s\">x</div>"),
        format!("<span style=\"behavior:url(x.htc)\" onreadystatechange=\"{run}\">x</span>"),
        "<a href=\"https://evil.example\" target=\"_blank\">opener</a>".to_owned(),
        format!("<img src=\"data:image/svg+xml,<svg onload='{run}'>\">"),
        format!("<object data=\"https://evil.example/x.svg\" onload=\"{run}\"></object>"),
        format!("<sCrIpT>{run}</ScRiPt>"),
        format!("<script\n>{run}</script\n>"),
        format!("<<script>script>{run}<</script>/script>"),
        format!("\u{0}<script>{run}</script>"),
        format!("<img src=x onerror=\"eval(atob('d2luZG93Ll9feHNzPTE='))\">"),
        format!(
            "<a href=\"javascript:eval(String.fromCharCode(119,105,110,100,111,119,46,95,95,120,115,115,61,49))\">x</a>"
        ),
    ];
    // Every event handler on a common tag, for good measure.
    for handler in [
        "onerror",
        "onload",
        "onclick",
        "onfocus",
        "onmouseenter",
        "onwheel",
        "oncopy",
        "oninput",
    ] {
        p.push(format!(
            "<div {handler}=\"{run}\" tabindex=0>{handler}</div>"
        ));
    }
    p
}
