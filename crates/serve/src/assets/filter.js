document.addEventListener('click',function(e){var b=e.target.closest('button.entity');if(!b)return;
var on=!b.classList.contains('on');document.querySelectorAll('button.entity.on').forEach(function(x){x.classList.remove('on')});
if(on)b.classList.add('on');var name=on?b.dataset.name.toLowerCase():null;
document.querySelectorAll('section.list li, ul.list li').forEach(function(li){
li.classList.toggle('hidden',!!name&&li.textContent.toLowerCase().indexOf(name)<0)});});
